package io.chaoscast.dynamics.integration;

/**
 * Tolerances of the adaptive integrator.
 *
 * @param rtol relative tolerance, accepted from {@value #MIN_TOLERANCE} to {@value #MAX_TOLERANCE}
 * @param atol absolute tolerance, same range
 */
public record IntegrationSettings(double rtol, double atol) {

    public static final double MIN_TOLERANCE = 1e-14;
    public static final double MAX_TOLERANCE = 1e-2;
    public static final double DEFAULT_TOLERANCE = 1e-10;

    public static final IntegrationSettings DEFAULT = new IntegrationSettings(DEFAULT_TOLERANCE, DEFAULT_TOLERANCE);

    public IntegrationSettings {
        check("rtol", rtol);
        check("atol", atol);
    }

    private static void check(String field, double v) {
        if (!(v >= MIN_TOLERANCE && v <= MAX_TOLERANCE)) {
            throw new IllegalArgumentException(
                    field + " must be between " + MIN_TOLERANCE + " and " + MAX_TOLERANCE + ", found " + v);
        }
    }
}
