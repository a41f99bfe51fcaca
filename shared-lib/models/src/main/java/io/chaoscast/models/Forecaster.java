package io.chaoscast.models;

import io.chaoscast.models.policy.ExitPolicy;

/**
 * Anything that turns recent states into future states: the early-exit network and every
 * baseline. Forecasters are deterministic for a given input and safe to call from one thread at
 * a time.
 */
public interface Forecaster {

    /** What this forecaster needs as input and how deep it can run. */
    ForecasterSpec spec();

    /**
     * Forecasts {@code horizon} steps after each context. Contexts longer than {@link
     * ForecasterSpec#contextLength()} are cut to their last {@code contextLength} states; shorter
     * ones are rejected.
     *
     * @param contexts {@code [batch][length >= contextLength][dimension]}, oldest state first
     * @param horizon number of future states wanted, at least 1; longer than {@link
     *     ForecasterSpec#stepsPerPass()} means an autoregressive rollout
     * @param policy how deep each pass may run; forecasters with a single block ignore it
     */
    ForecastResult forecast(double[][][] contexts, int horizon, ExitPolicy policy);

    /** Checks the shape of a batch of contexts against the spec, naming what is wrong. */
    static void checkContexts(ForecasterSpec spec, double[][][] contexts, int horizon) {
        if (contexts == null || contexts.length == 0) {
            throw new IllegalArgumentException("contexts must hold at least one context");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, found " + horizon);
        }
        for (int b = 0; b < contexts.length; b++) {
            double[][] c = contexts[b];
            if (c == null || c.length < spec.contextLength()) {
                throw new IllegalArgumentException("contexts[" + b + "] must hold at least " + spec.contextLength()
                        + " states, found " + (c == null ? 0 : c.length));
            }
            for (int t = 0; t < c.length; t++) {
                if (c[t] == null || c[t].length != spec.dimension()) {
                    throw new IllegalArgumentException("contexts[" + b + "][" + t + "] must have dimension "
                            + spec.dimension() + ", found " + (c[t] == null ? 0 : c[t].length));
                }
                for (double v : c[t]) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException(
                                "contexts[" + b + "][" + t + "] must be finite, found " + v);
                    }
                }
            }
        }
    }
}
