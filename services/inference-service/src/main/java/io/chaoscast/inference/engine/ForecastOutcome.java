package io.chaoscast.inference.engine;

/**
 * One request's share of a batch's forward passes.
 *
 * @param forecasts {@code [context][horizon][dimension]}
 * @param exitDepths {@code [context][pass]}: blocks each pass ran
 * @param uncertainties {@code [context][pass]}: uncertainty at the exit taken ({@code NaN} for models
 *     without an uncertainty module)
 * @param blockEvaluations blocks this request's rows ran, summed over passes
 * @param fullDepthBlockEvaluations blocks the same forecast costs at full depth
 * @param batchRows context rows of the forward pass this request ran in (its own included)
 * @param queueNanos time between submission and the start of its batch
 * @param runNanos time its batch took to run
 */
public record ForecastOutcome(
        double[][][] forecasts,
        int[][] exitDepths,
        double[][] uncertainties,
        long blockEvaluations,
        long fullDepthBlockEvaluations,
        int batchRows,
        long queueNanos,
        long runNanos) {

    public double meanDepth() {
        long sum = 0;
        long n = 0;
        for (int[] row : exitDepths) {
            for (int d : row) {
                sum += d;
                n++;
            }
        }
        return n == 0 ? 0 : (double) sum / n;
    }

    /** Fraction of the full-depth block evaluations that were skipped, in [0, 1). */
    public double computeSaved() {
        return fullDepthBlockEvaluations == 0 ? 0 : 1 - (double) blockEvaluations / fullDepthBlockEvaluations;
    }
}
