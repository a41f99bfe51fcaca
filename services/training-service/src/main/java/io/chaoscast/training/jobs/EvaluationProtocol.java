package io.chaoscast.training.jobs;

import io.chaoscast.web.problem.ApiException;

/**
 * Resolved evaluation settings of a job, every field in range: how many origins the test split is
 * forecast from and how far each free rollout runs. A benchmark passes its protocol's test origins
 * and horizon here, so that the protocol decides what is measured, not only how long the test
 * split is.
 */
public record EvaluationProtocol(int origins, double horizonLyapunovTimes) {

    public static final int MAX_ORIGINS = 1000;
    public static final double MAX_HORIZON_LT = 100;
    public static final double MIN_HORIZON_LT = 0.1;
    public static final EvaluationProtocol DEFAULT = new EvaluationProtocol(200, 15);

    public static EvaluationProtocol resolve(EvaluationRequest r) {
        if (r == null) {
            return DEFAULT;
        }
        int origins = r.origins() == null ? DEFAULT.origins() : r.origins();
        double horizon = r.horizonLyapunovTimes() == null ? DEFAULT.horizonLyapunovTimes() : r.horizonLyapunovTimes();
        if (origins < 1 || origins > MAX_ORIGINS) {
            throw ApiException.invalidValue("evaluation.origins", "must be between 1 and " + MAX_ORIGINS + ", found " + origins);
        }
        if (!(horizon >= MIN_HORIZON_LT && horizon <= MAX_HORIZON_LT)) {
            throw ApiException.invalidValue("evaluation.horizonLyapunovTimes",
                    "must be between " + MIN_HORIZON_LT + " and " + (int) MAX_HORIZON_LT + ", found " + horizon);
        }
        return new EvaluationProtocol(origins, horizon);
    }
}
