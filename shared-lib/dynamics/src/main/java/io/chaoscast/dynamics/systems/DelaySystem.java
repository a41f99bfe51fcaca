package io.chaoscast.dynamics.systems;

/**
 * A delay differential equation {@code dy/dt = f(t, y(t), y(t - tau); p)} with one constant
 * delay. The initial condition of a delay system is its history: {@link #defaultInitialCondition()}
 * is the state used as constant history on {@code [-tau, 0]}.
 */
public interface DelaySystem extends ChaoticSystem {

    @Override
    default SystemKind kind() {
        return SystemKind.DELAY;
    }

    /** The delay {@code tau} for these parameters (positive). */
    double delay(double[] p);

    /**
     * The name of the parameter that is the delay, so that a delay out of range is reported as that
     * parameter; null when the delay is not a single parameter.
     */
    default String delayParameter() {
        return null;
    }

    /** Writes {@code f(t, y, yDelayed; p)} into {@code dydt}. */
    void derivatives(double t, double[] y, double[] yDelayed, double[] p, double[] dydt);
}
