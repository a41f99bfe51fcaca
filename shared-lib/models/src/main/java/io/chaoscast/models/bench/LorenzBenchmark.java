package io.chaoscast.models.bench;

import io.chaoscast.dynamics.metrics.ForecastMetrics;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.ModelTypes;
import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.calibration.CalibrationPoint;
import io.chaoscast.models.calibration.CalibrationTable;
import io.chaoscast.models.data.LorenzData;
import io.chaoscast.models.data.Splits;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.earlyexit.EarlyExitTrainer;
import io.chaoscast.models.earlyexit.ThresholdCalibrator;
import io.chaoscast.models.evaluation.EvaluationReport;
import io.chaoscast.models.evaluation.EvaluationSettings;
import io.chaoscast.models.evaluation.ForecastEvaluator;
import io.chaoscast.models.evaluation.PolicyMetrics;
import java.util.List;
import java.util.Locale;

/**
 * Trains the default early-exit network and every baseline on the same Lorenz data and prints
 * the figures the goals are judged by. Run with {@code mvn -B -q -pl shared-lib/models -am
 * -Pbench verify} or see docs/models.md. Arguments (all optional): trajectories, length, seed.
 */
public final class LorenzBenchmark {

    private LorenzBenchmark() {}

    public static void main(String[] args) throws Exception {
        int trajectories = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int length = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        // Optional experiment knobs: exit weighting (linear | uniform), blocks, horizon.
        String weighting = System.getProperty("bench.exitWeighting", "linear");
        var base = ModelTypes.defaultArchitecture(3);
        var arch = new io.chaoscast.models.earlyexit.EarlyExitArchitecture(
                Integer.getInteger("bench.contextLength", base.contextLength()), 3,
                Integer.getInteger("bench.horizon", base.horizon()), Integer.getInteger("bench.width", base.width()),
                Integer.getInteger("bench.blocks", base.blocks()), base.mlpRatio(), base.uemHidden(),
                Boolean.parseBoolean(System.getProperty("bench.quadraticInputs", "" + base.quadraticInputs())),
                System.getProperty("bench.base", base.base()));
        var loss = ModelTypes.defaultLoss().withExitWeighting(weighting);
        int ppp = 100;
        var lorenz = LorenzData.lorenz();
        double dt = LorenzData.dt(lorenz, ppp);
        double lambda = LorenzData.LORENZ_MAX_LYAPUNOV;
        long t0 = System.nanoTime();
        double[][][] data = LorenzData.trajectories(lorenz, trajectories, length, ppp, seed);
        Splits splits = Splits.inTime(data, 0.70, 0.15);
        p("data: Lorenz, %d trajectories x %d points, dt=%.6f (%d per period), split 70/15/15 in time; %.1f s",
                trajectories, length, dt, ppp, secs(t0));
        p("architecture %s, loss %s", arch, loss);
        p("cores: %d, java %s", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        long tt = System.nanoTime();
        var outcome = EarlyExitTrainer.train(
                splits.train(),
                splits.validation(),
                arch,
                loss,
                trainingSettings(seed),
                e -> p("  epoch %2d/%d train %.5f val %.5f val-forecast %.6f exits %s  %.0f s",
                        e.epoch(), e.epochs(), e.trainLoss(), e.validationLoss(), e.validationForecastLoss(),
                        fmt(e.validationExitErrors()), e.elapsedSeconds()));
        double trainSeconds = secs(tt);
        p("early-exit training: %.1f s (%d windows, best epoch %d, stopped early %s)",
                trainSeconds, outcome.report().trainWindows(), outcome.report().bestEpoch(),
                outcome.report().stoppedEarly());
        p("base library %s (trials %s), blend %.2f (trials %s)", outcome.search().base(), outcome.search().baseTrials(),
                outcome.search().blend(), outcome.search().blendTrials());
        long tc = System.nanoTime();
        EarlyExitForecaster net = ThresholdCalibrator.calibrate(
                outcome.forecaster(), splits.validation(), ThresholdCalibrator.DEFAULT_TOLERANCE, 1);
        CalibrationTable cal = net.modelSpec().calibration();
        p("calibration on validation (%d windows, %.1f s): full-depth mse %.3e, threshold %.5f",
                cal.windows(), secs(tc), cal.fullDepthMse(), cal.threshold());
        CalibrationPoint chosen = cal.chosen();
        p("  calibrated: mean depth %.3f of %d, compute %.1f %%, error %+.2f %%; oracle mean depth %.3f (ratio %.2f)",
                chosen.meanDepth(), net.spec().depth(), 100 * chosen.computeFraction(), 100 * chosen.relativeError(),
                cal.oracleMeanDepth(), chosen.meanDepth() / cal.oracleMeanDepth());
        int step = Math.max(1, cal.points().size() / 12);
        for (int i = 0; i < cal.points().size(); i += step) {
            CalibrationPoint c = cal.points().get(i);
            p("  curve: threshold %.5f depth %.3f compute %.1f %% error %+.2f %%",
                    c.threshold(), c.meanDepth(), 100 * c.computeFraction(), 100 * c.relativeError());
        }
        byte[] blob = ModelArtifacts.toBytes(net);
        p("artifact: %d bytes", blob.length);

        long tb = System.nanoTime();
        Forecaster nvar = ModelTypes.train("nvar", splits.train(), splits.validation(), seed, null).forecaster();
        p("nvar fit: %.1f s", secs(tb));
        tb = System.nanoTime();
        Forecaster ar = ModelTypes.train("linear-ar", splits.train(), splits.validation(), seed, null).forecaster();
        p("linear-ar fit: %.1f s", secs(tb));
        tb = System.nanoTime();
        Forecaster esn = ModelTypes.train("esn", splits.train(), splits.validation(), seed, null).forecaster();
        p("esn fit: %.1f s", secs(tb));
        Forecaster persistence = ModelTypes.train("persistence", splits.train(), splits.validation(), seed, null)
                .forecaster();

        int rollout = EvaluationSettings.steps(15, dt, lambda);
        int metricSteps = EvaluationSettings.steps(1, dt, lambda);
        int context = Math.max(net.spec().contextLength(), esn.spec().contextLength());
        var eval = new ForecastEvaluator(new EvaluationSettings(
                200, context, rollout, metricSteps, dt, lambda, ForecastMetrics.DEFAULT_VPT_SMAPE_THRESHOLD));
        p("evaluation: 200 origins on the test split, rollouts of %d steps (15 Lyapunov times), MSE/MAE/sMAPE over "
                + "the first %d steps (1 Lyapunov time), VPT at sMAPE > %.0f", rollout, metricSteps,
                ForecastMetrics.DEFAULT_VPT_SMAPE_THRESHOLD);
        for (Forecaster f : List.of(net, nvar, ar, esn, persistence)) {
            long te = System.nanoTime();
            EvaluationReport r = eval.evaluate(splits.test(), f, List.of());
            p("%s (%.1f s)", f.spec().type(), secs(te));
            for (PolicyMetrics m : r.policies()) {
                p("  %-22s mse %.4e mae %.4e smape %7.3f  VPT median %5.2f mean %5.2f (NRMSE VPT median %5.2f)  depth %.2f compute %.1f %%",
                        m.policy(), m.mse(), m.mae(), m.smape(), m.medianVpt(), m.meanVpt(), m.medianVptNrmse(), m.meanDepth(),
                        100 * m.computeFraction());
            }
            if (r.singlePass() != null) {
                CalibrationPoint atCal = nearest(r.singlePass(), cal.threshold());
                p("  test one-pass windows: at threshold %.5f mean depth %.3f (compute %.1f %%), error %+.2f %% vs full; "
                        + "oracle depth %.3f (fraction %.3f)",
                        atCal.threshold(), atCal.meanDepth(), 100 * atCal.computeFraction(), 100 * atCal.relativeError(),
                        r.singlePass().oracleMeanDepth(), r.oracleDepthFraction());
            }
        }
        net.close();
        p("total: %.1f s", secs(t0));
    }

    private static io.chaoscast.models.earlyexit.TrainingSettings trainingSettings(long seed) {
        var t = ModelTypes.defaultTraining(seed);
        return new io.chaoscast.models.earlyexit.TrainingSettings(
                Integer.getInteger("bench.epochs", t.epochs()), t.batchSize(), t.learningRate(), t.patience(),
                Integer.getInteger("bench.stride", t.stride()), seed, t.timeBudgetSeconds(), t.inputNoise(),
                Integer.getInteger("bench.rolloutPasses", t.rolloutPasses()), t.rolloutFraction(),
                Double.parseDouble(System.getProperty("bench.baseSearchSeconds", "" + t.baseSearchSeconds())),
                t.gradientClipNorm());
    }

    private static CalibrationPoint nearest(CalibrationTable t, double threshold) {
        CalibrationPoint best = null;
        for (CalibrationPoint p : t.points()) {
            if (p.threshold() <= threshold && (best == null || p.threshold() > best.threshold())) {
                best = p;
            }
        }
        return best == null ? t.points().get(0) : best;
    }

    private static String fmt(double[] a) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2e", a[i]));
        }
        return sb.append("]").toString();
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void p(String f, Object... a) {
        System.out.println(String.format(Locale.ROOT, f, a));
        System.out.flush();
    }
}
