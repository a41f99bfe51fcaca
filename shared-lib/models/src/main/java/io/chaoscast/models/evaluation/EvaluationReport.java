package io.chaoscast.models.evaluation;

import io.chaoscast.models.calibration.CalibrationTable;
import java.util.List;

/**
 * @param forecaster forecaster type
 * @param origins number of test origins
 * @param policies metrics per exit policy ({@code fixed:i} is exit {@code i})
 * @param singlePass for early-exit forecasters: the accuracy-versus-compute curve and the oracle
 *     depth measured on one-pass test windows (null for baselines)
 * @param oracleDepthFraction oracle mean depth over the number of blocks (NaN for baselines)
 */
public record EvaluationReport(
        String forecaster,
        int origins,
        List<PolicyMetrics> policies,
        CalibrationTable singlePass,
        double oracleDepthFraction) {

    public EvaluationReport {
        policies = List.copyOf(policies);
    }

    public PolicyMetrics policy(String name) {
        return policies.stream().filter(p -> p.policy().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no metrics for policy " + name));
    }
}
