package io.chaoscast.training.models;

import io.chaoscast.dynamics.metrics.BootstrapInterval;
import io.chaoscast.dynamics.metrics.RollingOriginBacktest;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.evaluation.EvaluationSettings;
import io.chaoscast.models.policy.ExitPolicy;
import io.chaoscast.training.jobs.EvaluationProtocol;
import io.chaoscast.training.upstream.DatasetSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin backtest of a run on the first test trajectory: up to {@value #ORIGINS} origins (fewer when the job asks for fewer)
 * spread across it, each origin's VPT kept (metric {@code test_backtest_vpt}, step = origin
 * number), and every metric's 95 % bootstrap interval over the origins ({@code
 * test_backtest_<metric>_mean|_ci_low|_ci_high}).
 */
final class BacktestEvaluation {

    static final int ORIGINS = 50;

    /** Per-origin values (step = origin number) and the summary values. */
    record Result(List<Double> perOriginVpt, Map<String, Double> summary) {}

    private BacktestEvaluation() {}

    static Result run(Forecaster forecaster, DatasetSummary dataset, double[][][] test, double maxLyapunov, EvaluationProtocol protocol) {
        double dt = dataset.samplingInterval();
        int context = forecaster.spec().contextLength();
        double[][] series = test[0];
        int available = series.length - context;
        int horizon = Math.min(Math.min(EvaluationSettings.steps(protocol.horizonLyapunovTimes(), dt, maxLyapunov), available),
                TestEvaluation.MAX_ROLLOUT_STEPS);
        if (horizon < 1) {
            return new Result(List.of(), Map.of());
        }
        int metricSteps = Math.max(1, Math.min(EvaluationSettings.steps(1, dt, maxLyapunov), horizon));
        var settings = new RollingOriginBacktest.Settings(Math.min(ORIGINS, protocol.origins()), context, horizon, metricSteps, dt, maxLyapunov);
        var report = RollingOriginBacktest.run(series, settings, (contexts, h) -> forecaster.forecast(contexts, h, ExitPolicy.full()).forecasts());
        Map<String, Double> m = new LinkedHashMap<>();
        for (var e : report.intervals().entrySet()) {
            BootstrapInterval ci = e.getValue();
            m.put("test_backtest_" + e.getKey() + "_mean", ci.mean());
            m.put("test_backtest_" + e.getKey() + "_ci_low", ci.low());
            m.put("test_backtest_" + e.getKey() + "_ci_high", ci.high());
        }
        m.put("test_backtest_origins", (double) report.origins().size());
        m.values().removeIf(v -> v == null || !Double.isFinite(v));
        return new Result(report.origins().stream().map(RollingOriginBacktest.Origin::vpt).toList(), m);
    }
}
