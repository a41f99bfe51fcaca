package io.chaoscast.inference.forecast;

import io.chaoscast.inference.engine.ExitRequest;

/**
 * Body of {@code POST /api/v1/models/{modelId}/forecast/batch}: like {@link ForecastRequest} for
 * many contexts at once, all with the same horizon and exit policy.
 */
public record BatchForecastRequest(double[][][] contexts, Integer horizon, ExitRequest exit) {}
