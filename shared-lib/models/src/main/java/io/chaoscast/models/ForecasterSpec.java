package io.chaoscast.models;

/**
 * The shape of a forecaster, as its callers need it.
 *
 * @param type model type, e.g. {@code early-exit}, {@code nvar}, {@code persistence}
 * @param contextLength number of past states each forecast reads
 * @param dimension state dimension
 * @param stepsPerPass states produced by one forward pass; longer horizons roll out
 * @param depth number of blocks a pass can run (1 for the baselines)
 */
public record ForecasterSpec(String type, int contextLength, int dimension, int stepsPerPass, int depth) {

    public ForecasterSpec {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
        if (contextLength < 1 || dimension < 1 || stepsPerPass < 1 || depth < 1) {
            throw new IllegalArgumentException("contextLength, dimension, stepsPerPass and depth must be >= 1, found "
                    + contextLength + ", " + dimension + ", " + stepsPerPass + ", " + depth);
        }
    }
}
