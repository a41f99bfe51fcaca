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
 * @param base {@code none}, or {@code nvar}: the network becomes a residual corrector of an NVAR
 *     model fitted in closed form before training ({@link ResidualBase}); the base forecast of
 *     the next {@code horizon} states is an extra input and every exit predicts the correction
 *     to it. Absent in older specs, read as {@code none}
 */
public record EarlyExitArchitecture(
        int contextLength,
        int dimension,
        int horizon,
        int width,
        int blocks,
        int mlpRatio,
        int uemHidden,
        Boolean quadraticInputs,
        String base) {

    public static final int MAX_BLOCKS = 64;
    public static final int MAX_WIDTH = 4096;

    /** No base model: exits predict increments from the last context state. */
    public static final String BASE_NONE = "none";

    /** An NVAR base model: exits predict corrections to its forecast. */
    public static final String BASE_NVAR = "nvar";

    public EarlyExitArchitecture {
        // Specs saved before the field existed have no value: they were trained without monomials.
        quadraticInputs = quadraticInputs != null && quadraticInputs;
        base = base == null ? BASE_NONE : base;
        if (!base.equals(BASE_NONE) && !base.equals(BASE_NVAR)) {
            throw new IllegalArgumentException("base must be none or nvar, found " + base);
        }
        check("contextLength", contextLength, 1, 10_000);
        check("dimension", dimension, 1, 10_000);
        check("horizon", horizon, 1, 10_000);
        check("width", width, 1, MAX_WIDTH);
        check("blocks", blocks, 1, MAX_BLOCKS);
        check("mlpRatio", mlpRatio, 1, 16);
        check("uemHidden", uemHidden, 1, MAX_WIDTH);
    }

    /** Without a base model, as before the field existed. */
    public EarlyExitArchitecture(
            int contextLength,
            int dimension,
            int horizon,
            int width,
            int blocks,
            int mlpRatio,
            int uemHidden,
            Boolean quadraticInputs) {
        this(contextLength, dimension, horizon, width, blocks, mlpRatio, uemHidden, quadraticInputs, BASE_NONE);
    }

    /** This architecture with another base model. */
    public EarlyExitArchitecture withBase(String base) {
        return new EarlyExitArchitecture(
                contextLength, dimension, horizon, width, blocks, mlpRatio, uemHidden, quadraticInputs, base);
    }

    public boolean hasBase() {
        return !BASE_NONE.equals(base);
    }

    /**
     * Network input width: the flattened context, plus the quadratic monomials if enabled, plus
     * the base forecast ({@code horizon * dimension}) if there is a base model.
     */
    public int inputSize() {
        return contextLength * dimension
                + (quadraticInputs ? dimension * (dimension + 1) / 2 : 0)
                + (hasBase() ? horizon * dimension : 0);
    }

    private static void check(String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", found " + v);
        }
    }
}
