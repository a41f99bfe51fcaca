package io.chaoscast.inference.engine;

/**
 * What one request may ask for.
 *
 * @param maxHorizon most steps one forecast may roll out
 * @param maxContextRows most states one context may hold (only the last {@code contextLength} are
 *     read)
 * @param maxBatchContexts most contexts one batch request may hold
 */
public record ServingLimits(int maxHorizon, int maxContextRows, int maxBatchContexts) {

    public ServingLimits {
        if (maxHorizon < 1 || maxContextRows < 1 || maxBatchContexts < 1) {
            throw new IllegalArgumentException("serving limits must be at least 1, found maxHorizon=" + maxHorizon
                    + ", maxContextRows=" + maxContextRows + ", maxBatchContexts=" + maxBatchContexts);
        }
    }

    public static ServingLimits defaults() {
        return new ServingLimits(10_000, 10_000, 1_024);
    }
}
