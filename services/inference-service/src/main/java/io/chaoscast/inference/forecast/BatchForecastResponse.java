package io.chaoscast.inference.forecast;

import java.util.List;

/**
 * Forecasts of a batch request, in the order of its contexts; totals over all of them.
 *
 * @param forecasts one entry per context
 */
public record BatchForecastResponse(
        String modelId,
        List<Item> forecasts,
        double meanDepth,
        int fullDepth,
        double computeSaved,
        String policy,
        Double threshold,
        Double tolerance,
        Double confidence,
        String device,
        double latencyMs,
        double queueMs) {

    /** One context's forecast, exit depths and uncertainties per pass. */
    public record Item(double[][] forecast, int[] exitDepths, Double[] uncertainties, double meanDepth) {}
}
