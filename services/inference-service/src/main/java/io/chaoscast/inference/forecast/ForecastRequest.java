package io.chaoscast.inference.forecast;

import io.chaoscast.inference.engine.ExitRequest;

/**
 * Body of {@code POST /api/v1/models/{modelId}/forecast}.
 *
 * @param context states, oldest first; at least the model's context length (only the last that
 *     many are read), each of the model's dimension
 * @param horizon steps to forecast, 1 to the configured maximum; more than the model's steps per
 *     pass means an autoregressive rollout; null means one pass
 * @param exit exit policy; null means dynamic at the model's calibrated threshold
 */
public record ForecastRequest(double[][] context, Integer horizon, ExitRequest exit) {}
