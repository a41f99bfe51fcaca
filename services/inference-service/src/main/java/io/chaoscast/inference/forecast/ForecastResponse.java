package io.chaoscast.inference.forecast;

/**
 * One forecast.
 *
 * @param forecast {@code horizon} rows of states
 * @param exitDepths blocks run by each forward pass of the rollout
 * @param uncertainties uncertainty at which each pass stopped; null entries for models without an
 *     uncertainty module
 * @param meanDepth mean of {@code exitDepths}
 * @param fullDepth blocks of the model (what every pass costs at full depth)
 * @param computeSaved fraction of block evaluations skipped against full depth
 * @param policy the exit policy that ran, e.g. {@code dynamic:0.12}, {@code full}, {@code fixed:2}
 * @param threshold the dynamic threshold used, or null
 * @param tolerance the tolerance the threshold was picked for, or null
 * @param confidence the confidence at which that tolerance is guaranteed on unseen windows
 *     (risk-calibrated models), or null
 * @param device where it ran, {@code cpu} or {@code gpu(0)}
 * @param latencyMs time from request to answer inside the service
 * @param queueMs time spent waiting for a batch
 * @param batchSize contexts in the forward pass this request shared
 */
public record ForecastResponse(
        String modelId,
        double[][] forecast,
        int[] exitDepths,
        Double[] uncertainties,
        double meanDepth,
        int fullDepth,
        double computeSaved,
        String policy,
        Double threshold,
        Double tolerance,
        Double confidence,
        String device,
        double latencyMs,
        double queueMs,
        int batchSize) {}
