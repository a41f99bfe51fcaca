package io.chaoscast.dynamics.integration;

/** The trajectory left the realm of finite numbers or the integrator could not go on. */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final double time;

    public DivergenceException(String message, double time) {
        super(message);
        this.time = time;
    }

    public DivergenceException(String message, double time, Throwable cause) {
        super(message, cause);
        this.time = time;
    }

    /** Time (or iteration) at which the trajectory was lost. */
    public double time() {
        return time;
    }
}
