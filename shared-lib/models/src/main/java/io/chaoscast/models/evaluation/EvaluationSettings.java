package io.chaoscast.models.evaluation;

import io.chaoscast.dynamics.metrics.ForecastMetrics;

/**
 * @param origins number of forecast origins, spread evenly over the test trajectories
 * @param contextLength states given as context (at least every evaluated forecaster's)
 * @param rolloutSteps length of each free rollout, e.g. 15 Lyapunov times
 * @param metricSteps steps over which MSE, MAE and sMAPE are computed
 * @param dt sampling interval of the data
 * @param maxLyapunov largest Lyapunov exponent of the system
 * @param vptSmapeThreshold sMAPE above which a forecast step is no longer valid
 * @param vptNrmseThreshold normalised RMS error (attractor standard deviations) above which a
 *     forecast step is no longer valid in the NRMSE form of the VPT (0.4, Pathak et al. 2018)
 */
public record EvaluationSettings(
        int origins,
        int contextLength,
        int rolloutSteps,
        int metricSteps,
        double dt,
        double maxLyapunov,
        double vptSmapeThreshold,
        double vptNrmseThreshold) {

    public EvaluationSettings {
        if (origins < 1 || contextLength < 1 || rolloutSteps < 1 || metricSteps < 1 || metricSteps > rolloutSteps) {
            throw new IllegalArgumentException("need origins, contextLength, rolloutSteps >= 1 and 1 <= metricSteps <= "
                    + "rolloutSteps; found " + origins + ", " + contextLength + ", " + rolloutSteps + ", " + metricSteps);
        }
        if (!(dt > 0) || !(maxLyapunov > 0) || !(vptSmapeThreshold > 0) || !(vptNrmseThreshold > 0)) {
            throw new IllegalArgumentException("dt, maxLyapunov and the VPT thresholds must be positive");
        }
    }

    /** With the NRMSE VPT at its usual threshold, {@link ForecastMetrics#DEFAULT_VPT_NRMSE_THRESHOLD}. */
    public EvaluationSettings(
            int origins, int contextLength, int rolloutSteps, int metricSteps, double dt, double maxLyapunov,
            double vptSmapeThreshold) {
        this(origins, contextLength, rolloutSteps, metricSteps, dt, maxLyapunov, vptSmapeThreshold,
                ForecastMetrics.DEFAULT_VPT_NRMSE_THRESHOLD);
    }

    /** Steps in {@code lyapunovTimes} Lyapunov times. */
    public static int steps(double lyapunovTimes, double dt, double maxLyapunov) {
        return (int) Math.ceil(lyapunovTimes / (maxLyapunov * dt));
    }
}
