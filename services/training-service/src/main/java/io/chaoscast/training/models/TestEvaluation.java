package io.chaoscast.training.models;

import io.chaoscast.models.policy.DynamicThreshold;
import io.chaoscast.models.policy.ExitPolicy;
import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.lyapunov.LyapunovEstimators;
import io.chaoscast.dynamics.lyapunov.LyapunovSettings;
import io.chaoscast.dynamics.metrics.ForecastMetrics;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.SystemKind;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.evaluation.EvaluationReport;
import io.chaoscast.models.evaluation.EvaluationSettings;
import io.chaoscast.models.evaluation.ForecastEvaluator;
import io.chaoscast.models.evaluation.PolicyMetrics;
import io.chaoscast.models.evaluation.RiskEvaluation;
import io.chaoscast.training.jobs.EvaluationProtocol;
import io.chaoscast.training.upstream.DatasetSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Evaluates a trained model on the test split the way every run is compared: free rollouts of up
 * to the job's horizon (15 Lyapunov times by default) from many origins (200 by default), MSE/MAE/sMAPE over the first Lyapunov time, VPT in
 * Lyapunov times, and for early-exit models every exit and the calibrated dynamic policy.
 */
@Component
public class TestEvaluation {

    /** @param lambda the dataset's largest exponent, {@link #maxLyapunov(DatasetSummary)} */
    EvaluationReport evaluate(Forecaster forecaster, DatasetSummary dataset, double[][][] test, EvaluationProtocol protocol, double lambda) {
        double dt = dataset.samplingInterval();
        int context = forecaster.spec().contextLength();
        int available = test[0].length - context;
        if (available < 1) {
            throw new IllegalArgumentException("the test split (" + test[0].length + " points) is not longer than the context ("
                    + context + "); use a larger test fraction");
        }
        int rollout = Math.max(1, Math.min(Math.min(EvaluationSettings.steps(protocol.horizonLyapunovTimes(), dt, lambda), available), MAX_ROLLOUT_STEPS));
        int metricSteps = Math.max(1, Math.min(EvaluationSettings.steps(1, dt, lambda), rollout));
        var settings = new EvaluationSettings(protocol.origins(), context, rollout, metricSteps, dt, lambda, ForecastMetrics.DEFAULT_VPT_SMAPE_THRESHOLD);
        return new ForecastEvaluator(settings).evaluate(test, forecaster, List.of());
    }

    /**
     * The longest free rollout of the evaluation: a system whose Lyapunov time spans thousands of
     * samples (a near-zero exponent) is judged on its first 10 000 steps.
     */
    static final int MAX_ROLLOUT_STEPS = 10_000;

    /** The longest rollout of the early-exit risk calibration, for the same systems. */
    static final int MAX_RISK_STEPS = 1_000;

    /** Rollout steps of the early-exit risk: one Lyapunov time of the dataset (at least 1, at most {@value #MAX_RISK_STEPS}). */
    static int riskHorizonSteps(DatasetSummary dataset, double lambda) {
        return Math.max(1, Math.min(EvaluationSettings.steps(1, dataset.samplingInterval(), lambda), MAX_RISK_STEPS));
    }

    /**
     * The forecast-level risk figures of a risk-calibrated early-exit model on the test split
     * (empty for other models): the calibration's defaults, the measured risk (same definition as
     * the tolerance), the oracle's depth at that tolerance, and one decision's cost over one block.
     */
    static Map<String, Double> riskMetrics(Forecaster forecaster, double[][][] test, int horizonSteps) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (!(forecaster instanceof EarlyExitForecaster ee)) {
            return m;
        }
        RiskEvaluation r = RiskEvaluation.of(ee, test, horizonSteps);
        if (r == null) {
            return m;
        }
        m.put("calibrated_tolerance", r.tolerance());
        m.put("calibrated_confidence", r.confidence());
        m.put("test_dynamic_risk", r.risk());
        m.put("test_dynamic_risk_depth_fraction", r.depthFraction());
        m.put("test_oracle_depth_fraction", r.oracleDepthFraction());
        m.put("decision_cost_fraction", r.decisionCostFraction());
        m.values().removeIf(v -> v == null || !Double.isFinite(v));
        return m;
    }

    /** The largest exponent: from the dataset when tabulated, else estimated at its parameters. */
    static double maxLyapunov(DatasetSummary dataset) {
        if (dataset.lyapunovTime() != null && dataset.lyapunovTime() > 0 && Double.isFinite(dataset.lyapunovTime())) {
            return 1.0 / dataset.lyapunovTime();
        }
        ChaoticSystem system = SystemCatalog.standard().find(dataset.system())
                .orElseThrow(() -> new IllegalArgumentException("system " + dataset.system() + " is not in the catalog"));
        // The dataset-service tabulates invariants only at default parameters; otherwise estimate
        // them at the parameters the data was generated with.
        double[] p = system.resolveParameters(dataset.parameters());
        // Maps are cheap per iteration and need many to average; flows get 200 periods.
        double duration = system.kind() == SystemKind.MAP ? 100_000 : 200 * system.period();
        var result = LyapunovEstimators.estimate(system, p, system.defaultInitialCondition(p),
                new LyapunovSettings(duration, 20 * system.period(), false, new IntegrationSettings(1e-8, 1e-8)));
        if (!(result.maxExponent() > 0)) {
            throw new IllegalArgumentException("system " + dataset.system() + " has no positive Lyapunov exponent ("
                    + result.maxExponent() + "), so VPT in Lyapunov times is undefined");
        }
        return result.maxExponent();
    }

    /** The metric keys the dashboard, the leaderboard and users' scripts rely on. */
    static Map<String, Double> metrics(EvaluationReport report) {
        Map<String, Double> m = new LinkedHashMap<>();
        PolicyMetrics full = report.policy("full");
        m.put("test_mse", full.mse());
        m.put("test_mae", full.mae());
        m.put("test_smape", full.smape());
        m.put("test_vpt_median", full.medianVpt());
        m.put("test_vpt_mean", full.meanVpt());
        m.put("test_vpt_nrmse_median", full.medianVptNrmse());
        m.put("test_origins", (double) report.origins());
        List<PolicyMetrics> fixed = report.policies().stream().filter(p -> p.policy().startsWith("fixed:")).toList();
        for (PolicyMetrics p : fixed) {
            m.put("test_mse_exit_" + p.policy().substring("fixed:".length()), p.mse());
            m.put("test_vpt_median_exit_" + p.policy().substring("fixed:".length()), p.medianVpt());
        }
        report.policies().stream().filter(p -> p.policy().startsWith("dynamic:")).findFirst().ifPresent(dyn -> {
            int blocks = fixed.size() + 1;
            m.put("test_mse_exit_" + blocks, full.mse());
            m.put("test_vpt_median_exit_" + blocks, full.medianVpt());
            m.put("test_dynamic_mse", dyn.mse());
            m.put("test_dynamic_smape", dyn.smape());
            m.put("test_dynamic_vpt_median", dyn.medianVpt());
            m.put("test_dynamic_depth_fraction", dyn.meanDepth() / blocks);
            m.put("test_dynamic_compute_saved", dyn.computeSaved());
            m.put("test_oracle_depth_fraction", report.oracleDepthFraction());
            if (ExitPolicy.parse(dyn.policy()) instanceof DynamicThreshold t) {
                m.put("calibrated_threshold", t.threshold());
                if (t.capped()) {
                    m.put("calibrated_max_depth", (double) t.maxDepth());
                }
            }
        });
        m.values().removeIf(v -> v == null || !Double.isFinite(v));
        return m;
    }
}
