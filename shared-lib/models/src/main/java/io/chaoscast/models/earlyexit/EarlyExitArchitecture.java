package io.chaoscast.models.earlyexit;

/**
 * The shape of an early-exit network.
 *
 * @param contextLength past states read per pass
 * @param dimension state dimension
 * @param horizon states predicted per pass
 * @param width hidden width of the residual stream
 * @param blocks number of residual blocks, each followed by an exit head and an uncertainty
 *     module
 * @param mlpRatio hidden size of each block's MLP, as a multiple of {@code width}
 * @param uemHidden hidden size of each uncertainty module
 * @param quadraticInputs also feed the unique quadratic monomials of the last state (see {@link
 *     ContextEncoding}); absent in older specs, read as false
 */
public record EarlyExitArchitecture(
        int contextLength,
        int dimension,
        int horizon,
        int width,
        int blocks,
        int mlpRatio,
        int uemHidden,
        Boolean quadraticInputs) {

    public static final int MAX_BLOCKS = 64;
    public static final int MAX_WIDTH = 4096;

    public EarlyExitArchitecture {
        // Specs saved before the field existed have no value: they were trained without monomials.
        quadraticInputs = quadraticInputs != null && quadraticInputs;
        check("contextLength", contextLength, 1, 10_000);
        check("dimension", dimension, 1, 10_000);
        check("horizon", horizon, 1, 10_000);
        check("width", width, 1, MAX_WIDTH);
        check("blocks", blocks, 1, MAX_BLOCKS);
        check("mlpRatio", mlpRatio, 1, 16);
        check("uemHidden", uemHidden, 1, MAX_WIDTH);
    }

    /** Network input width: the flattened context, plus the quadratic monomials if enabled. */
    public int inputSize() {
        return contextLength * dimension + (quadraticInputs ? dimension * (dimension + 1) / 2 : 0);
    }

    private static void check(String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", found " + v);
        }
    }
}
