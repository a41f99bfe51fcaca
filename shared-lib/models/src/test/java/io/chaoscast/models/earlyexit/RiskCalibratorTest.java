package io.chaoscast.models.earlyexit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.TinyLorenz;
import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.calibration.RiskCalibration;
import io.chaoscast.models.calibration.RiskPoint;
import io.chaoscast.models.calibration.WindowLosses;
import io.chaoscast.models.policy.ExitPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The router and the forecast-level calibration on the tiny Lorenz network. */
class RiskCalibratorTest {

    private static EarlyExitForecaster raw;
    private static EarlyExitForecaster net;
    private static double[][][] contexts;

    @BeforeAll
    static void train() {
        raw = TinyLorenz.trainNetwork();
        net = RiskCalibrator.calibrate(raw, TinyLorenz.splits().train(), TinyLorenz.splits().validation(), 20, 200);
        contexts = TinyLorenz.contexts(48, 8);
    }

    @AfterAll
    static void close() {
        raw.close();
    }

    @Test
    void calibrationStartsAtFullDepthAndItsChoiceIsOnTheCurve() {
        RiskCalibration rc = net.modelSpec().risk();
        assertThat(rc.points().get(0).threshold()).isZero();
        assertThat(rc.points().get(0).risk()).isZero();
        assertThat(rc.points().get(0).meanDepth()).isEqualTo(3.0);
        assertThat(rc.windows()).isBetween(100, 200);
        RiskPoint chosen = rc.pointFor(rc.tolerance(), rc.confidence());
        assertThat(chosen.threshold()).isEqualTo(rc.threshold());
        assertThat(chosen.maxDepth()).isEqualTo(rc.maxDepth());
        assertThat(chosen.risk()).isLessThanOrEqualTo(rc.tolerance());
        assertThat(net.calibratedPolicy()).isEqualTo(chosen.policy()).isEqualTo(rc.policy());
        // The loss's reference error comes from the training windows' full-depth rollouts.
        assertThat(rc.referenceMse()).isPositive()
                .isCloseTo(RiskCalibrator.referenceMse(net, TinyLorenz.splits().train(), rc.horizonSteps(), 200),
                        within(1e-12 * rc.referenceMse()));
        // The window losses are stored for the betting test, and the stored choice is what it gives.
        double[][] stored = WindowLosses.decode(rc.windowLosses(), rc.points().size(), rc.windows());
        assertThat(stored).isNotNull();
        assertThat(rc.points().get(RiskCalibration.chosenIndex(rc.points(), stored, rc.windows(), rc.tolerance(),
                        rc.confidence())))
                .isEqualTo(chosen);
        // Other budgets are tested on the same stored losses (and remembered: asked twice, the same answer).
        RiskPoint loose = rc.points().get(RiskCalibration.chosenIndex(rc.points(), stored, rc.windows(), 0.3, 0.8));
        assertThat(rc.pointFor(0.3, 0.8)).isEqualTo(loose).isEqualTo(rc.pointFor(0.3, 0.8));
        assertThat(loose.meanDepth()).isLessThanOrEqualTo(chosen.meanDepth());
        // Every shallower depth is measured as a capped point, deepest first, at its own depth.
        var caps = rc.points().stream().filter(RiskPoint::capped).toList();
        assertThat(caps).extracting(RiskPoint::maxDepth).containsExactly(2, 1);
        assertThat(caps).extracting(RiskPoint::meanDepth).containsExactly(2.0, 1.0);
        // Looser budgets never cost more compute.
        assertThat(rc.pointFor(0.5, 0.9).computeFraction()).isLessThanOrEqualTo(chosen.computeFraction());
    }

    @Test
    void routedPassesMatchTheUnroutedNetworkAtEveryFixedDepth() {
        for (int d = 1; d <= 3; d++) {
            ForecastResult a = raw.forecast(contexts, 12, ExitPolicy.fixed(d));
            ForecastResult b = net.forecast(contexts, 12, ExitPolicy.fixed(d));
            assertThat(b.blockEvaluations()).isEqualTo(a.blockEvaluations());
            for (int r = 0; r < contexts.length; r++) {
                for (int k = 0; k < 12; k++) {
                    for (int j = 0; j < 3; j++) {
                        assertThat(b.forecasts()[r][k][j]).isCloseTo(a.forecasts()[r][k][j], within(1e-4));
                    }
                }
            }
        }
    }

    @Test
    void windowsAreJudgedAgainstTheModelsTypicalErrorAsWellAsTheirOwn() {
        double[][][] val = TinyLorenz.splits().validation();
        double ref = net.modelSpec().risk().referenceMse();
        var own = RiskCalibrator.measure(net, val, 20, 200, new double[] {0}, 0);
        var typical = RiskCalibrator.measure(net, val, 20, 200, new double[] {0}, ref);
        var lenient = RiskCalibrator.measure(net, val, 20, 200, new double[] {0}, 1e6 * ref);
        int[] all = own.all();
        int exit1 = own.indexOf(0, 1);
        // The same rollouts; a larger reference only shrinks every window's loss towards 0.
        for (int w : all) {
            assertThat(Math.abs(typical.loss()[exit1][w])).isLessThanOrEqualTo(Math.abs(own.loss()[exit1][w]) + 1e-12);
        }
        assertThat(Math.abs(lenient.meanLoss(exit1, all))).isLessThan(1e-3);
        assertThat(own.lossStd(exit1, all)).isGreaterThan(lenient.lossStd(exit1, all));
        // Without an explicit reference, measurements use the one stored in the model.
        var stored = RiskCalibrator.measure(net, val, 20, 200, new double[] {0});
        assertThat(stored.loss()[exit1]).containsExactly(typical.loss()[exit1]);
    }

    @Test
    void aCapBoundsTheRouterAndAtThresholdZeroIsThatFixedDepth() {
        ForecastResult fixed = net.forecast(contexts, 12, ExitPolicy.fixed(2));
        ForecastResult capped = net.forecast(contexts, 12, ExitPolicy.dynamic(0, 2));
        assertThat(capped.blockEvaluations()).isEqualTo(fixed.blockEvaluations());
        assertThat(java.util.Arrays.deepEquals(capped.forecasts(), fixed.forecasts())).isTrue();
        double[][] u = net.routerScores(contexts);
        ForecastResult r = net.forecast(contexts, 4, ExitPolicy.dynamic(0.5, 2));
        for (int i = 0; i < contexts.length; i++) {
            assertThat(r.exitDepths()[i][0]).isEqualTo(Math.min(2, ExitRouter.depth(u[i], 0.5, 3)));
        }
        // The capped policy round-trips through its name, as the inference answer reports it.
        assertThat(ExitPolicy.parse(ExitPolicy.dynamic(0.5, 2).name())).isEqualTo(ExitPolicy.dynamic(0.5, 2));
    }

    @Test
    void dynamicRowsGetTheExitTheRouterChose() {
        double t = 0.5;
        double[][] u = net.routerScores(contexts);
        ForecastResult r = net.forecast(contexts, 4, ExitPolicy.dynamic(t));
        double[][][][] exits = net.exitForecasts(contexts);
        long evals = 0;
        for (int i = 0; i < contexts.length; i++) {
            int d = ExitRouter.depth(u[i], t, 3);
            evals += d;
            assertThat(r.exitDepths()[i][0]).isEqualTo(d);
            assertThat(r.forecasts()[i][3][0]).isCloseTo(exits[d - 1][i][3][0], within(1e-4));
        }
        assertThat(r.blockEvaluations()).isEqualTo(evals);
        assertThat(net.forecast(contexts, 4, ExitPolicy.dynamic(1)).blockEvaluations()).isEqualTo(contexts.length);
        assertThat(net.forecast(contexts, 4, ExitPolicy.dynamic(0)).blockEvaluations()).isEqualTo(3L * contexts.length);
    }

    @Test
    void theThresholdGridResolvesBothEndsOfTheScores() {
        double[][][] many = TinyLorenz.contexts(1000, 8);
        double[] grid = RiskCalibrator.grid(net, many);
        double[] scores = java.util.Arrays.stream(net.routerScores(many))
                .flatMapToDouble(java.util.Arrays::stream).sorted().toArray();
        assertThat(grid[0]).isZero();
        assertThat(grid[grid.length - 1]).isEqualTo(1.0);
        assertThat(grid).isSorted();
        // Between neighbouring thresholds lie about one grid step's share of the scores at most
        // (windows drawn twice tie), and above the highest threshold below 1 almost none: a strong
        // network's budget binds among its most confident windows, so the top needs the finest steps.
        for (int t = 1; t < grid.length; t++) {
            double lo = grid[t - 1];
            double hi = grid[t];
            long between = java.util.Arrays.stream(scores).filter(x -> x >= lo && x < hi).count();
            assertThat((double) between / scores.length).as("scores in [%s, %s)", lo, hi)
                    .isLessThanOrEqualTo(1.5 / RiskCalibrator.GRID);
        }
        double top = grid[grid.length - 2];
        long above = java.util.Arrays.stream(scores).filter(x -> x >= top).count();
        assertThat((double) above / scores.length)
                .isLessThanOrEqualTo(1.0 / (RiskCalibrator.GRID * RiskCalibrator.GRID) + 2.0 / scores.length);
    }

    @Test
    void routerAndCalibrationSurviveTheArtifact() {
        var loaded = (EarlyExitForecaster) ModelArtifacts.fromBytes(ModelArtifacts.toBytes(net));
        try {
            assertThat(loaded.modelSpec().risk()).isEqualTo(net.modelSpec().risk());
            ForecastResult a = net.forecast(contexts, 8, net.calibratedPolicy());
            ForecastResult b = loaded.forecast(contexts, 8, loaded.calibratedPolicy());
            assertThat(b.exitDepths()).isDeepEqualTo(a.exitDepths());
            assertThat(b.forecasts()[5][7][1]).isCloseTo(a.forecasts()[5][7][1], within(1e-9));
        } finally {
            loaded.close();
        }
    }
}
