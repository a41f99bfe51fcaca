package io.chaoscast.models.earlyexit;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.models.Forecaster;
import io.chaoscast.models.data.Splits;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The no-harm rule: a base that is already exact is not made worse by the network's correction. */
class NoHarmBlendTest {

    /** Euler steps of Lorenz: NVAR's quadratic library holds the map exactly. */
    static double[] eulerLorenz(double[] s) {
        double dt = 0.005;
        return new double[] {
            s[0] + dt * 10 * (s[1] - s[0]), s[1] + dt * (s[0] * (28 - s[2]) - s[1]), s[2] + dt * (s[0] * s[1] - 8.0 / 3 * s[2])
        };
    }

    static Splits exactlyQuadratic() {
        SplittableRandom rng = new SplittableRandom(4);
        double[][][] out = new double[2][1200][];
        for (double[][] t : out) {
            double[] x = {1 + rng.nextDouble(), 1, 20};
            for (int i = 0; i < 2000; i++) {
                x = eulerLorenz(x);
            }
            for (int i = 0; i < t.length; i++) {
                t[i] = x;
                x = eulerLorenz(x);
            }
        }
        return Splits.inTime(out, 0.7, 0.15);
    }

    static double rolloutMse(Forecaster f, double[][][] test, int steps) {
        double sum = 0;
        long n = 0;
        for (double[][] t : test) {
            for (int s = 0; s + 8 + steps <= t.length; s += 40) {
                double[][] fc = f.forecast(new double[][][] {Arrays.copyOfRange(t, s, s + 8)}, steps, ExitPolicy.full())
                        .forecasts()[0];
                for (int k = 0; k < steps; k++) {
                    for (int j = 0; j < 3; j++) {
                        double e = fc[k][j] - t[s + 8 + k][j];
                        sum += e * e;
                        n++;
                    }
                }
            }
        }
        return sum / n;
    }

    @Test
    void anExactBaseIsNotMadeWorse() {
        Splits s = exactlyQuadratic();
        var arch = new EarlyExitArchitecture(8, 3, 4, 16, 2, 2, 8, false, EarlyExitArchitecture.BASE_NVAR);
        var settings = new TrainingSettings(2, 64, 3e-3, 5, 2, 7L, 0, 0.01);
        var outcome = EarlyExitTrainer.train(s.train(), s.validation(), arch, LossSettings.DEFAULT, settings, ProgressListener.NONE);
        try (EarlyExitForecaster f = outcome.forecaster()) {
            Forecaster base = f.modelSpec().base().model();
            double baseMse = rolloutMse(base, s.test(), 60);
            // Every weight ties on validation (the base alone is valid to the end): none is applied.
            // (The hybrid rolls the base out through standardised states: equal up to rounding.)
            assertThat(outcome.search().blendTrials()).hasSize(EarlyExitTrainer.BLEND_WEIGHTS.length);
            assertThat(outcome.search().blend()).isZero();
            assertThat(f.modelSpec().correctionWeight()).isZero();
            assertThat(rolloutMse(f, s.test(), 60)).isLessThanOrEqualTo(baseMse * (1 + 1e-6));
            // The blend is part of the artifact (format version 2).
            byte[] blob = io.chaoscast.models.artifact.ModelArtifacts.toBytes(f);
            assertThat(io.chaoscast.models.artifact.ModelArtifacts.header(blob).formatVersion()).isEqualTo(2);
            try (var loaded = (EarlyExitForecaster) io.chaoscast.models.artifact.ModelArtifacts.fromBytes(blob)) {
                assertThat(loaded.modelSpec().correctionWeight()).isZero();
            }

            // A correction that does harm (this network's, magnified 1e9 times) is switched off too.
            double[] big = f.modelSpec().incrementScale().clone();
            for (int i = 0; i < big.length; i++) {
                big[i] *= 1e9;
            }
            var spec = f.modelSpec();
            var harmful = new EarlyExitForecaster(
                    ai.djl.ndarray.NDManager.newBaseManager(),
                    f.network(),
                    new EarlyExitSpec(spec.architecture(), spec.standardization(), big, spec.errorScale(), spec.loss(), null,
                            spec.base()));
            assertThat(rolloutMse(harmful, s.test(), 60)).isGreaterThan(100 * baseMse);
            var trials = new java.util.ArrayList<SearchLog.BlendTrial>();
            assertThat(EarlyExitTrainer.fitBlend(harmful, s.validation(), trials)).isZero();
            assertThat(trials.get(0).medianSteps()).isGreaterThan(trials.get(trials.size() - 1).medianSteps());
            assertThat(rolloutMse(harmful.withBlend(0), s.test(), 60)).isLessThanOrEqualTo(baseMse * (1 + 1e-6));

            // The maintainer's check scores each tried weight on the test split: the base alone
            // where nothing is applied, a hundredfold worse where the harmful correction is.
            var check = BlendCheck.score(harmful, new SearchLog(List.of(), null, trials, 0), m -> rolloutMse(m, s.test(), 60));
            assertThat(check).extracting(BlendCheck.Row::validation).containsExactlyElementsOf(trials);
            assertThat(check.get(0).test()).isLessThanOrEqualTo(baseMse * (1 + 1e-6));
            assertThat(check.get(check.size() - 1).test()).isGreaterThan(100 * baseMse);
            assertThat(rolloutMse(harmful, s.test(), 60)).as("the checked forecaster is left as it was").isGreaterThan(100 * baseMse);
        }
    }
}
