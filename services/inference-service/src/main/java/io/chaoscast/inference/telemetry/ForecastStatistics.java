package io.chaoscast.inference.telemetry;

/**
 * What is sent to results-service for one answered request.
 *
 * @param contexts contexts the request held
 */
public record ForecastStatistics(
        String modelId,
        String modelName,
        String modelType,
        String systemName,
        int contexts,
        double meanDepth,
        double computeSaved,
        double latencyMs,
        int batchRows) {
}
