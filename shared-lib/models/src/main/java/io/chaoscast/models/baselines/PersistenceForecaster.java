package io.chaoscast.models.baselines;

import io.chaoscast.models.ForecasterSpec;

/** Repeats the last observed state: the floor every model must beat. */
public final class PersistenceForecaster extends RolloutForecaster {

    /** The registry name ({@link io.chaoscast.models.ModelType}). */
    public static final String TYPE = io.chaoscast.models.ModelType.PERSISTENCE.id();

    private final ForecasterSpec spec;

    public PersistenceForecaster(int dimension) {
        this.spec = new ForecasterSpec(TYPE, 1, dimension, 1, 1);
    }

    @Override
    public ForecasterSpec spec() {
        return spec;
    }

    @Override
    protected double[][] rollout(double[][] context, int horizon) {
        double[][] out = new double[horizon][];
        for (int h = 0; h < horizon; h++) {
            out[h] = context[context.length - 1].clone();
        }
        return out;
    }
}
