package io.chaoscast.dynamics.systems;

/** The three families of systems in the catalog. */
public enum SystemKind {
    /** Ordinary differential equations, integrated with an adaptive Runge-Kutta method. */
    FLOW,
    /** Discrete-time maps, iterated. */
    MAP,
    /** Delay differential equations, integrated by the method of steps. */
    DELAY;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
