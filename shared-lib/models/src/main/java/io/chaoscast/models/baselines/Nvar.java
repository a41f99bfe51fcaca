package io.chaoscast.models.baselines;

/**
 * Next-generation reservoir computing (Gauthier, Bollt, Griffith &amp; Barbosa 2021, "Next
 * generation reservoir computing", Nat. Commun. 12:5564). The feature vector is a constant, the
 * linear part {@code [x(t), x(t-s), ..., x(t-(k-1)s)]} ({@code dk} numbers) and every unique
 * quadratic monomial of the linear part ({@code dk(dk+1)/2}); a ridge readout predicts the
 * increment {@code x(t+1) - x(t)}. For Lorenz the paper uses k = 2, s = 1: 28 features.
 */
public final class Nvar {

    public static final String TYPE = "nvar";

    private Nvar() {}

    static FeatureMap features(int taps, int skip, int dimension) {
        if (taps < 1 || skip < 1) {
            throw new IllegalArgumentException("taps and skip must be at least 1, found " + taps + ", " + skip);
        }
        int lin = taps * dimension;
        return new FeatureMap() {
            @Override
            public int window() {
                return (taps - 1) * skip + 1;
            }

            @Override
            public int size() {
                return 1 + lin + lin * (lin + 1) / 2;
            }

            @Override
            public void features(double[][] h, int end, double[] out) {
                out[0] = 1;
                int k = 1;
                for (int tap = 0; tap < taps; tap++) {
                    double[] x = h[end - tap * skip];
                    for (int j = 0; j < dimension; j++) {
                        out[k++] = x[j];
                    }
                }
                for (int a = 0; a < lin; a++) {
                    double va = out[1 + a];
                    for (int b = a; b < lin; b++) {
                        out[k++] = va * out[1 + b];
                    }
                }
            }
        };
    }

    /** Fits with a fixed penalty. */
    public static RidgeStepForecaster fit(double[][][] train, int taps, int skip, double alpha) {
        int d = train[0][0].length;
        FeatureSpec fs = new FeatureSpec(FeatureSpec.NVAR, taps, skip, d);
        FeatureMap f = fs.build();
        return new RidgeStepForecaster(TYPE, fs, RidgeStepForecaster.accumulate(f, train, d).solve(alpha), alpha);
    }

    /** Fits on {@code train} and picks the penalty by validation rollouts of {@code tuneHorizon} steps. */
    public static RidgeStepForecaster fitTuned(
            double[][][] train, double[][][] validation, int taps, int skip, int tuneHorizon) {
        int d = train[0][0].length;
        FeatureSpec fs = new FeatureSpec(FeatureSpec.NVAR, taps, skip, d);
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
