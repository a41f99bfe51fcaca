package io.chaoscast.models.earlyexit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.TinyLorenz;
import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.calibration.RiskCalibration;
import io.chaoscast.models.calibration.RiskPoint;
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
        assertThat(chosen.risk()).isLessThanOrEqualTo(rc.tolerance());
        assertThat(net.calibratedPolicy()).isEqualTo(ExitPolicy.dynamic(rc.threshold()));
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
