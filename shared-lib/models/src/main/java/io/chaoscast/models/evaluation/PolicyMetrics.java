package io.chaoscast.models.evaluation;

/**
 * How one forecaster did under one exit policy on the test origins.
 *
 * @param policy exit policy name ({@code full}, {@code fixed:2}, {@code dynamic:0.05})
 * @param mse mean squared error over the first {@code metricSteps} steps, original units
 * @param mae mean absolute error, same steps
 * @param smape symmetric MAPE (0–200), same steps
 * @param medianVpt median valid prediction time over the origins, in Lyapunov times
 * @param meanVpt mean valid prediction time
 * @param medianVptNrmse median valid prediction time in the normalised-error form (first step whose
 *     RMS error over the attractor's standard deviation passes 0.4, Pathak et al. 2018)
 * @param meanDepth mean exit depth over every pass of every rollout
 * @param computeFraction block evaluations run over those of full depth
 */
public record PolicyMetrics(
        String policy,
        double mse,
        double mae,
        double smape,
        double medianVpt,
        double meanVpt,
        double meanDepth,
        double computeFraction,
        double medianVptNrmse) {

    /** Without the NRMSE valid prediction time (NaN). */
    public PolicyMetrics(
            String policy, double mse, double mae, double smape, double medianVpt, double meanVpt, double meanDepth,
            double computeFraction) {
        this(policy, mse, mae, smape, medianVpt, meanVpt, meanDepth, computeFraction, Double.NaN);
    }

    /** {@code 1 - computeFraction}. */
    public double computeSaved() {
        return 1 - computeFraction;
    }
}
