package io.chaoscast.models;

/**
 * A batch of forecasts with the compute each one cost.
 *
 * @param forecasts {@code [batch][horizon][dimension]}
 * @param exitDepths {@code [batch][pass]}: the block (1-based) at which each pass of each sample
 *     exited
 * @param uncertainties {@code [batch][pass]}: the uncertainty {@code u} of the exit taken, in (0,
 *     1); {@code NaN} for forecasters without an uncertainty module
 * @param blockEvaluations block evaluations actually run, summed over rows and passes
 * @param fullDepthBlockEvaluations block evaluations the same forecast costs at full depth
 */
public record ForecastResult(
        double[][][] forecasts,
        int[][] exitDepths,
        double[][] uncertainties,
        long blockEvaluations,
        long fullDepthBlockEvaluations) {

    /** Mean exit depth over every sample and pass. */
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

    /** Fraction of the full-depth block evaluations that were run, in (0, 1]. */
    public double computeFraction() {
        return fullDepthBlockEvaluations == 0 ? 1 : (double) blockEvaluations / fullDepthBlockEvaluations;
    }
}
