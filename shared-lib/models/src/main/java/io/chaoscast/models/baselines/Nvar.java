package io.chaoscast.models.baselines;

import io.chaoscast.models.data.Standardization;

/**
 * Next-generation reservoir computing (Gauthier, Bollt, Griffith &amp; Barbosa 2021, "Next
 * generation reservoir computing", Nat. Commun. 12:5564). The feature vector is a constant, the
 * linear part {@code [x(t), x(t-s), ..., x(t-(k-1)s)]} ({@code dk} numbers) and every unique
 * quadratic monomial of the linear part ({@code dk(dk+1)/2}); a ridge readout predicts the
 * increment {@code x(t+1) - x(t)}. For Lorenz the paper uses k = 2, s = 1: 28 features.
 */
public final class Nvar {

    /** The registry name ({@link io.chaoscast.models.ModelType}). */
    public static final String TYPE = io.chaoscast.models.ModelType.NVAR.id();

    /**
     * Default taps and skip. The paper's k = 2, s = 1 was tuned at dt = 0.025; at 100 points per
     * period (Lorenz dt = 0.015) four consecutive states reach a validation VPT of 8.7 Lyapunov
     * times against 4.3 for two (docs/models.md, NVAR sweep).
     */
    public static final int DEFAULT_TAPS = 4;

    public static final int DEFAULT_SKIP = 1;

    private Nvar() {}

    static FeatureMap features(int taps, int skip, int dimension) {
        return features(taps, skip, dimension, null);
    }

    static FeatureMap features(int taps, int skip, int dimension, Standardization inputs) {
        return features(taps, skip, dimension, inputs, 2, false);
    }

    /**
     * Constant, the {@code dk} linear terms, every unique monomial of degree 2..{@code order} of
     * them (degree 2 first, in the order the earlier quadratic-only map used, so stored weights
     * keep their meaning) and, with {@code trig}, {@code sin} and {@code cos} of every raw tap value.
     */
    static FeatureMap features(int taps, int skip, int dimension, Standardization inputs, int order, boolean trig) {
        if (taps < 1 || skip < 1) {
            throw new IllegalArgumentException("taps and skip must be at least 1, found " + taps + ", " + skip);
        }
        int lin = taps * dimension;
        int[][] monomials = monomials(lin, order);
        int size = 1 + lin + monomials.length + (trig ? 2 * lin : 0);
        // Each monomial is its prefix (a linear term, or a monomial of one degree less, which
        // comes earlier) times its last variable: one multiplication per monomial, and the same
        // bits as multiplying its variables left to right, since the prefix was computed that way.
        int[] prefix = new int[monomials.length];
        int[] last = new int[monomials.length];
        java.util.Map<java.util.List<Integer>, Integer> index = new java.util.HashMap<>();
        for (int t = 0; t < monomials.length; t++) {
            int[] m = monomials[t];
            java.util.List<Integer> key = java.util.Arrays.stream(m).boxed().toList();
            index.put(key, 1 + lin + t);
            prefix[t] = m.length == 2 ? 1 + m[0] : index.get(key.subList(0, m.length - 1));
            last[t] = 1 + m[m.length - 1];
        }
        return new FeatureMap() {
            @Override
            public int window() {
                return (taps - 1) * skip + 1;
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public void features(double[][] h, int end, double[] out) {
                out[0] = 1;
                int k = 1;
                for (int tap = 0; tap < taps; tap++) {
                    double[] x = h[end - tap * skip];
                    for (int j = 0; j < dimension; j++) {
                        out[k++] = inputs == null ? x[j] : inputs.apply(j, x[j]);
                    }
                }
                for (int t = 0; t < prefix.length; t++) {
                    out[k++] = out[prefix[t]] * out[last[t]];
                }
                if (trig) {
                    for (int tap = 0; tap < taps; tap++) {
                        double[] x = h[end - tap * skip];
                        for (int j = 0; j < dimension; j++) {
                            out[k++] = Math.sin(x[j]);
                            out[k++] = Math.cos(x[j]);
                        }
                    }
                }
            }

            @Override
            public void features(double[][][] h, int end, int rows, double[][] out) {
                java.util.Arrays.fill(out[0], 0, rows, 1);
                int k = 1;
                for (int tap = 0; tap < taps; tap++) {
                    double[][] x = h[end - tap * skip];
                    for (int j = 0; j < dimension; j++) {
                        double[] xj = x[j];
                        double[] o = out[k++];
                        for (int r = 0; r < rows; r++) {
                            o[r] = inputs == null ? xj[r] : inputs.apply(j, xj[r]);
                        }
                    }
                }
                for (int t = 0; t < prefix.length; t++) {
                    double[] o = out[k++];
                    double[] a = out[prefix[t]];
                    double[] b = out[last[t]];
                    for (int r = 0; r < rows; r++) {
                        o[r] = a[r] * b[r];
                    }
                }
                if (trig) {
                    for (int tap = 0; tap < taps; tap++) {
                        double[][] x = h[end - tap * skip];
                        for (int j = 0; j < dimension; j++) {
                            double[] xj = x[j];
                            double[] sin = out[k++];
                            double[] cos = out[k++];
                            for (int r = 0; r < rows; r++) {
                                sin[r] = Math.sin(xj[r]);
                                cos[r] = Math.cos(xj[r]);
                            }
                        }
                    }
                }
            }
        };
    }

    /** Index tuples {@code a <= b <= ...} of every monomial of degree 2..order in {@code n} variables, by degree. */
    static int[][] monomials(int n, int order) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int degree = 2; degree <= order; degree++) {
            addMonomials(out, new int[degree], 0, 0, n);
        }
        return out.toArray(int[][]::new);
    }

    private static void addMonomials(java.util.List<int[]> out, int[] idx, int pos, int from, int n) {
        if (pos == idx.length) {
            out.add(idx.clone());
            return;
        }
        for (int a = from; a < n; a++) {
            idx[pos] = a;
            addMonomials(out, idx, pos + 1, a, n);
        }
    }

    /** Fits with a fixed penalty. */
    public static RidgeStepForecaster fit(double[][][] train, int taps, int skip, double alpha) {
        int d = train[0][0].length;
        FeatureSpec fs = new FeatureSpec(FeatureSpec.NVAR, taps, skip, d);
        FeatureMap f = fs.build();
        return new RidgeStepForecaster(TYPE, fs, RidgeStepForecaster.accumulate(f, train, d).solve(alpha), alpha);
    }

    /** Penalties tried by {@link #fitTuned}: 1e-14 to 1e-2, half decades. */
    public static final double[] TUNE_ALPHAS = RidgeTuning.grid(-14, -2);

    /** Longest validation rollout {@link #fitTuned} scores (about 15 Lorenz Lyapunov times at 100 points per period). */
    public static final int TUNE_ROLLOUT = 1000;

    /**
     * Fits on {@code train} with standardised inputs and unit-RMS-scaled features, and picks the
     * penalty by the median valid prediction time of free validation rollouts (up to {@link
     * #TUNE_ROLLOUT} steps, at least {@code tuneHorizon}).
     */
    public static RidgeStepForecaster fitTuned(
            double[][][] train, double[][][] validation, int taps, int skip, int tuneHorizon) {
        Fitter fitter = fitter(train, taps, skip, true);
        return RidgeTuning.bestByValidSteps(
                TUNE_ALPHAS, a -> fitter.solve(a, true), validation, Math.max(tuneHorizon, TUNE_ROLLOUT), 64);
    }

    /** Normal equations of one feature map on one training set, solvable for many penalties. */
    public record Fitter(FeatureSpec spec, io.chaoscast.models.linalg.RidgeAccumulator normalEquations) {
        /**
         * @param scaled whether the penalty applies to unit-RMS features ({@link
         *     io.chaoscast.models.linalg.RidgeAccumulator#solveScaled}) or raw ones
         */
        public RidgeStepForecaster solve(double alpha, boolean scaled) {
            double[][] w = scaled ? normalEquations.solveScaled(alpha) : normalEquations.solve(alpha);
            return new RidgeStepForecaster(TYPE, spec, w, alpha);
        }
    }

    public static Fitter fitter(double[][][] train, int taps, int skip, boolean standardize) {
        int d = train[0][0].length;
        FeatureSpec fs = new FeatureSpec(FeatureSpec.NVAR, taps, skip, d, standardize ? Standardization.of(train) : null);
        return fitter(train, fs);
    }

    /** Normal equations of any feature spec (its {@code inputs} as given) on {@code train}. */
    public static Fitter fitter(double[][][] train, FeatureSpec fs) {
        return new Fitter(fs, RidgeStepForecaster.accumulate(fs.build(), train, fs.dimension()));
    }
}
