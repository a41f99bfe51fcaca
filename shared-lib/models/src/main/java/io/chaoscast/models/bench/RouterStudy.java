package io.chaoscast.models.bench;

import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.calibration.RiskCalibration;
import io.chaoscast.models.data.LorenzData;
import io.chaoscast.models.data.Splits;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.earlyexit.RiskCalibrator;
import io.chaoscast.models.evaluation.EvaluationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Compares exit routers on a saved default Lorenz model: fitted to one-pass errors (the default)
 * or to rollout errors over one Lyapunov time at every fixed depth. Argument: the artifact.
 */
public final class RouterStudy {

    private RouterStudy() {}

    public static void main(String[] args) throws Exception {
        var f = (EarlyExitForecaster) ModelArtifacts.fromBytes(Files.readAllBytes(Path.of(args[0])));
        Splits s = Splits.inTime(LorenzData.trajectories(LorenzData.lorenz(), 4, 20_000, 100, 42), 0.70, 0.15);
        int lt = EvaluationSettings.steps(1, LorenzData.dt(LorenzData.lorenz(), 100), LorenzData.LORENZ_MAX_LYAPUNOV);
        for (String variant : new String[] {"one-pass", "rollout"}) {
            long t0 = System.nanoTime();
            EarlyExitForecaster g = variant.equals("one-pass")
                    ? RiskCalibrator.withRouter(f, s.train(), 4)
                    : RiskCalibrator.withRolloutRouter(f, s.train(), lt, 2000);
            double fit = (System.nanoTime() - t0) / 1e9;
            var val = RiskCalibrator.measure(g, s.validation(), lt, 1000, null);
            RiskCalibration rc = val.calibration(val.all(), lt, 0.05, 0.9);
            var p = rc.pointFor(0.05, 0.9);
            var test = RiskCalibrator.measure(g, s.test(), lt, 1000, new double[] {0, p.threshold()});
            int k = test.indexOf(p);
            System.out.println(String.format(Locale.ROOT,
                    "%-8s fit %.0f s: validation depth %.2f (oracle %.2f) risk %+.2f %%; test depth %.2f (oracle %.2f) risk %+.2f %%",
                    variant, fit, p.meanDepth(), rc.oracleMeanDepth(0.05), 100 * p.risk(),
                    test.meanDepth(k, test.all()), test.oracleDepth(0.05, test.all()),
                    100 * test.meanLoss(k, test.all())));
        }
    }
}
