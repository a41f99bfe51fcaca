package io.chaoscast.inference.engine;

/**
 * What one request may ask for.
 *
 * @param maxHorizon most steps one forecast may roll out
 * @param maxContextRows most states one context may hold (only the last {@code contextLength} are
 *     read)
 * @param maxBatchContexts most contexts one batch request may hold
 * @param maxOutputValues most numbers one answer may hold: contexts x horizon x dimension (the
 *     bound on the answer's size, which the three limits above alone leave at tens of gigabytes)
 */
public record ServingLimits(int maxHorizon, int maxContextRows, int maxBatchContexts, long maxOutputValues) {

    /** Default of {@link #maxOutputValues()}: about 20 MB of JSON. */
    public static final long DEFAULT_MAX_OUTPUT_VALUES = 1_000_000;

    public ServingLimits {
        if (maxHorizon < 1 || maxContextRows < 1 || maxBatchContexts < 1 || maxOutputValues < 1) {
            throw new IllegalArgumentException("serving limits must be at least 1, found maxHorizon=" + maxHorizon
                    + ", maxContextRows=" + maxContextRows + ", maxBatchContexts=" + maxBatchContexts
                    + ", maxOutputValues=" + maxOutputValues);
        }
    }

    public ServingLimits(int maxHorizon, int maxContextRows, int maxBatchContexts) {
        this(maxHorizon, maxContextRows, maxBatchContexts, DEFAULT_MAX_OUTPUT_VALUES);
    }

    public static ServingLimits defaults() {
        return new ServingLimits(10_000, 10_000, 1_024);
    }
}
