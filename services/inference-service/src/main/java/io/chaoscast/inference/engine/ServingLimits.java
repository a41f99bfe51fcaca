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
 * @param maxContextDeviation how far a state the model reads may lie from the data it was trained
 *     on, in standard deviations of that data, per dimension: {@code |x_j - mean_j| <=
 *     maxContextDeviation * std_j}, with the mean and standard deviation the model's artifact
 *     records (models that record none are not bounded). The training data lie within a few
 *     standard deviations; fed states far beyond them, a model answers with numbers unrelated to
 *     the context, and further out its arithmetic overflows
 */
public record ServingLimits(
        int maxHorizon, int maxContextRows, int maxBatchContexts, long maxOutputValues, double maxContextDeviation) {

    /** Default of {@link #maxOutputValues()}: about 20 MB of JSON. */
    public static final long DEFAULT_MAX_OUTPUT_VALUES = 1_000_000;

    /**
     * Default of {@link #maxContextDeviation()}: far beyond any state of the training data (a
     * residual model already clamps its base forecast at 50), with room for coordinates that grow
     * by design (forcing phases, clocks) and for shifted regimes.
     */
    public static final double DEFAULT_MAX_CONTEXT_DEVIATION = 1_000;

    public ServingLimits {
        if (maxHorizon < 1 || maxContextRows < 1 || maxBatchContexts < 1 || maxOutputValues < 1) {
            throw new IllegalArgumentException("serving limits must be at least 1, found maxHorizon=" + maxHorizon
                    + ", maxContextRows=" + maxContextRows + ", maxBatchContexts=" + maxBatchContexts
                    + ", maxOutputValues=" + maxOutputValues);
        }
        if (!(maxContextDeviation > 0) || !Double.isFinite(maxContextDeviation)) {
            throw new IllegalArgumentException(
                    "maxContextDeviation must be positive and finite, found " + maxContextDeviation);
        }
    }

    public ServingLimits(int maxHorizon, int maxContextRows, int maxBatchContexts, long maxOutputValues) {
        this(maxHorizon, maxContextRows, maxBatchContexts, maxOutputValues, DEFAULT_MAX_CONTEXT_DEVIATION);
    }

    public ServingLimits(int maxHorizon, int maxContextRows, int maxBatchContexts) {
        this(maxHorizon, maxContextRows, maxBatchContexts, DEFAULT_MAX_OUTPUT_VALUES);
    }

    public static ServingLimits defaults() {
        return new ServingLimits(10_000, 10_000, 1_024);
    }
}
