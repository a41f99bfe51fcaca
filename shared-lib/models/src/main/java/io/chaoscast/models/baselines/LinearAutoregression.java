package io.chaoscast.models.baselines;

/**
 * Linear autoregression: the increment {@code x(t+1) - x(t)} as a linear function of the last
 * {@code order} states and a constant, fitted by closed-form ridge.
 */
public final class LinearAutoregression {

    /** The registry name ({@link io.chaoscast.models.ModelType}). */
    public static final String TYPE = io.chaoscast.models.ModelType.LINEAR.id();

    private LinearAutoregression() {}

    static FeatureMap features(int order, int dimension) {
        if (order < 1) {
            throw new IllegalArgumentException("order must be at least 1, found " + order);
        }
        return new FeatureMap() {
            @Override
            public int window() {
                return order;
            }

            @Override
            public int size() {
                return 1 + order * dimension;
            }

            @Override
            public void features(double[][] h, int end, double[] out) {
                out[0] = 1;
                int k = 1;
                for (int lag = 0; lag < order; lag++) {
                    double[] x = h[end - lag];
                    for (int j = 0; j < dimension; j++) {
                        out[k++] = x[j];
                    }
                }
            }

            @Override
            public void features(double[][][] h, int end, int rows, double[][] out) {
                java.util.Arrays.fill(out[0], 0, rows, 1);
                int k = 1;
                for (int lag = 0; lag < order; lag++) {
                    double[][] x = h[end - lag];
                    for (int j = 0; j < dimension; j++) {
                        System.arraycopy(x[j], 0, out[k++], 0, rows);
                    }
                }
            }
        };
    }

    /** Fits with a fixed penalty. */
    public static RidgeStepForecaster fit(double[][][] train, int order, double alpha) {
        int d = train[0][0].length;
        FeatureSpec fs = new FeatureSpec(FeatureSpec.LINEAR, order, 1, d);
        FeatureMap f = fs.build();
        return new RidgeStepForecaster(TYPE, fs, RidgeStepForecaster.accumulate(f, train, d).solve(alpha), alpha);
    }

    /** Fits on {@code train} and picks the penalty by validation rollouts of {@code tuneHorizon} steps. */
    public static RidgeStepForecaster fitTuned(double[][][] train, double[][][] validation, int order, int tuneHorizon) {
        int d = train[0][0].length;
        FeatureSpec fs = new FeatureSpec(FeatureSpec.LINEAR, order, 1, d);
        FeatureMap f = fs.build();
        var acc = RidgeStepForecaster.accumulate(f, train, d);
        return RidgeTuning.best(
                RidgeTuning.DEFAULT_ALPHAS,
                a -> new RidgeStepForecaster(TYPE, fs, acc.solve(a), a),
                validation,
                tuneHorizon,
                64);
    }
}
