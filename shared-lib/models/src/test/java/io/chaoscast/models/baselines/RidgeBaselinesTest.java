package io.chaoscast.models.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.linalg.RidgeAccumulator;
import io.chaoscast.models.policy.ExitPolicy;
import org.junit.jupiter.api.Test;

class RidgeBaselinesTest {

    @Test
    void ridgeWithoutPenaltyRecoversAnExactLinearModel() {
        RidgeAccumulator acc = new RidgeAccumulator(3, 2);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            double[] x = {1, rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
            acc.add(x, new double[] {0.5 + 2 * x[1] - x[2], -3 * x[2]});
        }
        double[][] w = acc.solve(0);
        assertThat(w[0]).containsExactly(new double[] {0.5, 0}, within(1e-10));
        assertThat(w[1]).containsExactly(new double[] {2, 0}, within(1e-10));
        assertThat(w[2]).containsExactly(new double[] {-1, -3}, within(1e-10));
    }

    /** x(t+1) = A x(t) + B x(t-1), a stable linear recursion in two dimensions. */
    private static double[][][] linearData() {
        double[][] a = {{0.9, -0.2}, {0.1, 0.8}};
        double[][] b = {{0.05, 0.0}, {0.0, -0.1}};
        double[][] t = new double[400][];
        t[0] = new double[] {1, 0.5};
        t[1] = new double[] {0.7, -0.4};
        for (int i = 2; i < t.length; i++) {
            t[i] = new double[2];
            for (int r = 0; r < 2; r++) {
                t[i][r] = a[r][0] * t[i - 1][0] + a[r][1] * t[i - 1][1] + b[r][0] * t[i - 2][0] + b[r][1] * t[i - 2][1]
                        + 0.3 * Math.sin(0.37 * i + r); // input keeps the recursion exciting the features
            }
        }
        return new double[][][] {t};
    }

    @Test
    void linearAutoregressionRecoversALinearRecursion() {
        double[][] a = {{0.9, -0.2}, {0.1, 0.8}};
        double[][] b = {{0.05, 0.0}, {0.0, -0.1}};
        double[][] t = new double[600][];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        t[0] = new double[] {1, 0.5};
        t[1] = new double[] {0.7, -0.4};
        for (int i = 2; i < t.length; i++) {
            t[i] = new double[2];
            for (int r = 0; r < 2; r++) {
                t[i][r] = 0.2 + a[r][0] * t[i - 1][0] + a[r][1] * t[i - 1][1] + b[r][0] * t[i - 2][0]
                        + b[r][1] * t[i - 2][1];
            }
            if (i % 50 == 0) {
                t[i][0] += rng.nextDouble(-1, 1); // kicks so the data spans every direction
                t[i][1] += rng.nextDouble(-1, 1);
            }
        }
        // Fit on the stretches between kicks only, where the recursion holds exactly.
        java.util.List<double[][]> pieces = new java.util.ArrayList<>();
        for (int s = 0; s + 50 <= t.length; s += 50) {
            pieces.add(java.util.Arrays.copyOfRange(t, s, s + 50));
        }
        RidgeStepForecaster ar = LinearAutoregression.fit(pieces.toArray(double[][][]::new), 2, 0);
        double[][] w = ar.weights();
        // Features [1, x(t), x(t-1)], target x(t+1) - x(t): W = [c; Aᵀ - I; Bᵀ].
        assertThat(w[0]).containsExactly(new double[] {0.2, 0.2}, within(1e-8));
        assertThat(w[1]).containsExactly(new double[] {a[0][0] - 1, a[1][0]}, within(1e-8));
        assertThat(w[2]).containsExactly(new double[] {a[0][1], a[1][1] - 1}, within(1e-8));
        assertThat(w[3]).containsExactly(new double[] {b[0][0], b[1][0]}, within(1e-8));
        assertThat(w[4]).containsExactly(new double[] {b[0][1], b[1][1]}, within(1e-8));
        double[][] ctx = {t[10], t[11]};
        ForecastResult r = ar.forecast(new double[][][] {ctx}, 3, ExitPolicy.full());
        assertThat(r.forecasts()[0][0]).containsExactly(t[12], within(1e-9));
    }

    @Test
    void nvarRecoversAQuadraticMapExactly() {
        // x(t+1) = x(t) + 0.1 + 0.05 y(t-1) - 0.02 x(t)² + 0.01 x(t) y(t), y(t+1) = y(t) - 0.03 x(t-1) y(t-1)
        double[][][] trajs = new double[20][][];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
        for (int n = 0; n < trajs.length; n++) {
            double[][] t = new double[12][];
            t[0] = new double[] {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
            t[1] = new double[] {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
            for (int i = 2; i < t.length; i++) {
                t[i] = step(t[i - 1], t[i - 2]);
            }
            trajs[n] = t;
        }
        RidgeStepForecaster nvar = Nvar.fit(trajs, 2, 1, 0);
        assertThat(nvar.spec().contextLength()).isEqualTo(2);
        assertThat(nvar.weights()).hasNumberOfRows(1 + 4 + 10);
        double[][] ctx = {{0.3, -0.2}, {0.1, 0.4}};
        double[][] expected = new double[5][];
        double[] prev = ctx[0];
        double[] cur = ctx[1];
        for (int k = 0; k < 5; k++) {
            expected[k] = step(cur, prev);
            prev = cur;
            cur = expected[k];
        }
        double[][] got = nvar.forecast(new double[][][] {ctx}, 5, ExitPolicy.full()).forecasts()[0];
        for (int k = 0; k < 5; k++) {
            assertThat(got[k]).containsExactly(expected[k], within(1e-9));
        }
    }

    private static double[] step(double[] x, double[] xPrev) {
        return new double[] {
            x[0] + 0.1 + 0.05 * xPrev[1] - 0.02 * x[0] * x[0] + 0.01 * x[0] * x[1],
            x[1] - 0.03 * xPrev[0] * xPrev[1]
        };
    }

    @Test
    void nvarFeatureCountFollowsGauthier() {
        // Lorenz with k = 2: 1 + 6 + 21 = 28 features.
        assertThat(Nvar.features(2, 1, 3).size()).isEqualTo(28);
        assertThat(Nvar.features(3, 5, 3).window()).isEqualTo(11);
    }

    @Test
    void persistenceRepeatsTheLastState() {
        PersistenceForecaster p = new PersistenceForecaster(2);
        ForecastResult r = p.forecast(new double[][][] {{{1, 2}, {3, 4}}}, 3, ExitPolicy.dynamic(0.5));
        assertThat(r.forecasts()[0]).isDeepEqualTo(new double[][] {{3, 4}, {3, 4}, {3, 4}});
        assertThat(r.exitDepths()[0]).containsOnly(1);
        assertThat(r.blockEvaluations()).isEqualTo(3);
    }

    @Test
    void tunedFitsPickAPenaltyFromTheGrid() {
        double[][][] data = linearData();
        double[][][] train = {java.util.Arrays.copyOfRange(data[0], 0, 300)};
        double[][][] val = {java.util.Arrays.copyOfRange(data[0], 300, 400)};
        RidgeStepForecaster ar = LinearAutoregression.fitTuned(train, val, 2, 20);
        assertThat(RidgeTuning.DEFAULT_ALPHAS).contains(ar.alpha());
    }

    /**
     * The NVAR readout runs as contiguous dot products over weights stored by output; a step must
     * give exactly what the definitions give: every monomial the plain product of its variables,
     * every step the increment {@code Wᵀφ} of {@link RidgeAccumulator#apply}.
     */
    @Test
    void nvarFeaturesAndStepsEqualTheirDefinitionsBitForBit() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        int taps = 4;
        int d = 3;
        FeatureMap map = Nvar.features(taps, 1, d, null, 3, true);
        int[][] monomials = Nvar.monomials(taps * d, 3);
        double[][] h = new double[taps][d];
        for (double[] x : h) {
            for (int j = 0; j < d; j++) {
                x[j] = rng.nextDouble(-3, 3);
            }
        }
        double[] out = new double[map.size()];
        map.features(h, taps - 1, out);
        for (int t = 0; t < monomials.length; t++) {
            double v = out[1 + monomials[t][0]];
            for (int i = 1; i < monomials[t].length; i++) {
                v *= out[1 + monomials[t][i]];
            }
            assertThat(out[1 + taps * d + t]).isEqualTo(v);
        }
        double[][] w = new double[map.size()][d];
        for (double[] row : w) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextDouble(-1, 1);
            }
        }
        var model = new RidgeStepForecaster(
                Nvar.TYPE, new FeatureSpec(FeatureSpec.NVAR, taps, 1, d, null, 3, true), w, 0);
        double[][] next = model.rollout(h, 1);
        double[] inc = RidgeAccumulator.apply(w, out, new double[d]);
        for (int j = 0; j < d; j++) {
            assertThat(next[0][j]).isEqualTo(h[taps - 1][j] + inc[j]);
        }
    }

    /**
     * A batch rolls out row-block by row-block with loops over rows; every row must come out
     * exactly as its one-row rollout, across block boundaries (150 rows: 64 + 64 + 22), with
     * standardised inputs, cubic and trigonometric features, and a row that diverges.
     */
    @Test
    void batchedRolloutsEqualOneRowRolloutsBitForBit() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
        int d = 3;
        var inputs = new io.chaoscast.models.data.Standardization(new double[] {0.5, -1, 20}, new double[] {8, 9, 7.5});
        for (FeatureSpec spec : java.util.List.of(
                new FeatureSpec(FeatureSpec.NVAR, 4, 2, d, inputs, 3, true),
                new FeatureSpec(FeatureSpec.NVAR, 3, 1, d, null, 2, false),
                new FeatureSpec(FeatureSpec.LINEAR, 3, 1, d))) {
            FeatureMap map = spec.build();
            double[][] w = new double[map.size()][d];
            for (double[] row : w) {
                for (int j = 0; j < d; j++) {
                    row[j] = rng.nextDouble(-1e-3, 1e-3);
                }
            }
            var model = new RidgeStepForecaster(spec.kind(), spec, w, 0);
            int rows = 150;
            double[][][] contexts = new double[rows][map.window()][d];
            for (double[][] c : contexts) {
                for (double[] x : c) {
                    for (int j = 0; j < d; j++) {
                        x[j] = rng.nextDouble(-15, 15);
                    }
                }
            }
            contexts[70][map.window() - 1][0] = Double.POSITIVE_INFINITY; // a row whose rollout diverges
            double[][][] batched = model.rollouts(contexts, 12);
            for (int r = 0; r < rows; r++) {
                double[][] one = model.rollout(contexts[r], 12);
                for (int h = 0; h < 12; h++) {
                    assertThat(batched[r][h]).as("%s row %d step %d", spec.describe(), r, h).isEqualTo(one[h]);
                }
            }
            assertThat(batched[70][11][0]).isEqualTo(Double.MAX_VALUE);
            // and through the public API (finite contexts only): the one-row rollouts of the last states
            double[][][] finite = java.util.Arrays.copyOfRange(contexts, 71, rows);
            ForecastResult f = model.forecast(finite, 12, ExitPolicy.full());
            for (int r = 0; r < finite.length; r++) {
                assertThat(f.forecasts()[r]).isDeepEqualTo(model.rollout(finite[r], 12));
            }
        }
    }
}
