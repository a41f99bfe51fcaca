package io.chaoscast.training.jobs;

/**
 * How the test split is judged; nulls take the defaults of {@link EvaluationProtocol}. Ranges are
 * checked by {@link EvaluationProtocol#resolve} so the error names the field and the range.
 *
 * @param origins forecast origins spread over the test split, 1 to 1000 (default 200; fewer when
 *     the split holds fewer distinct origins)
 * @param horizonLyapunovTimes length of each free rollout in Lyapunov times, 0.1 to 100 (default
 *     15; shorter when the test split is shorter)
 */
public record EvaluationRequest(Integer origins, Double horizonLyapunovTimes) {}
