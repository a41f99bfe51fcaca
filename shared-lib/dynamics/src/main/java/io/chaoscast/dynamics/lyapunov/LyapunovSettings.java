package io.chaoscast.dynamics.lyapunov;

import io.chaoscast.dynamics.integration.IntegrationSettings;

/**
 * How long and how finely to estimate.
 *
 * @param duration averaging time after the transient (time units; iterations for maps)
 * @param transientTime time discarded before averaging
 * @param spectrum estimate the full spectrum, not only the largest exponent
 * @param tolerances integrator tolerances for flows and delays
 */
public record LyapunovSettings(double duration, double transientTime, boolean spectrum, IntegrationSettings tolerances) {}
