package io.chaoscast.models.bench;

import io.chaoscast.dynamics.metrics.ForecastMetrics;
import io.chaoscast.models.baselines.Nvar;
import io.chaoscast.models.baselines.RidgeStepForecaster;
import io.chaoscast.models.data.LorenzData;
import io.chaoscast.models.data.Splits;
import io.chaoscast.models.evaluation.EvaluationSettings;
import io.chaoscast.models.evaluation.ForecastEvaluator;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.List;
import java.util.Locale;

/**
 * NVAR taps / skip / ridge sweep on the benchmark's Lorenz data: every configuration scored by
 * the median VPT of free rollouts on validation, the best one per configuration then on test.
 * Arguments: trajectories, length, seed (as {@link LorenzBenchmark}).
 */
public final class NvarSweep {

    private NvarSweep() {}

    public static void main(String[] args) {
        int trajectories = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int length = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        var lorenz = LorenzData.lorenz();
        double dt = LorenzData.dt(lorenz, 100);
        double lambda = LorenzData.LORENZ_MAX_LYAPUNOV;
        Splits splits = Splits.inTime(LorenzData.trajectories(lorenz, trajectories, length, 100, seed), 0.70, 0.15);
        int rollout = EvaluationSettings.steps(15, dt, lambda);
        int metric = EvaluationSettings.steps(1, dt, lambda);
        var valEval = new ForecastEvaluator(new EvaluationSettings(
                100, 16, rollout, metric, dt, lambda, ForecastMetrics.DEFAULT_VPT_SMAPE_THRESHOLD));
        var testEval = new ForecastEvaluator(new EvaluationSettings(
                200, 200, rollout, metric, dt, lambda, ForecastMetrics.DEFAULT_VPT_SMAPE_THRESHOLD));
        int[][] configs = {{5, 1}, {6, 1}, {4, 2}, {8, 1}};
        for (int[] c : configs) {
            for (int mode = 2; mode < 3; mode++) {
                boolean scaled = mode > 0;
                boolean std = mode == 2;
                Nvar.Fitter fitter = Nvar.fitter(splits.train(), c[0], c[1], std);
                double bestVpt = -1;
                double bestAlpha = Double.NaN;
                RidgeStepForecaster best = null;
                StringBuilder line = new StringBuilder();
                for (int e = -28; e <= -4; e++) {
                    double alpha = Math.pow(10, e * 0.5);
                    RidgeStepForecaster f;
                    try {
                        f = fitter.solve(alpha, scaled);
                    } catch (IllegalStateException ex) {
                        line.append(" -");
                        continue;
                    }
                    double vpt = valEval.evaluate(splits.validation(), f, List.of()).policies().get(0).medianVpt();
                    line.append(String.format(Locale.ROOT, " %.2f", vpt));
                    if (vpt > bestVpt) {
                        bestVpt = vpt;
                        bestAlpha = alpha;
                        best = f;
                    }
                }
                var t = testEval.evaluate(splits.test(), best, List.of(ExitPolicy.full())).policies().get(0);
                System.out.println(String.format(Locale.ROOT,
                        "k=%d s=%d %s: val VPT by alpha 1e-14..1e-2:%s | best alpha %.1e val %.2f -> test median %.2f mean %.2f",
                        c[0], c[1], std ? "std+sc" : scaled ? "scaled" : "raw   ", line, bestAlpha, bestVpt, t.medianVpt(), t.meanVpt()));
            }
        }
    }
}
