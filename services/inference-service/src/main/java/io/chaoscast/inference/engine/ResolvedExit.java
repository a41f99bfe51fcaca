package io.chaoscast.inference.engine;

import io.chaoscast.models.policy.ExitPolicy;

/**
 * An exit request turned into a policy for one model.
 *
 * @param threshold the dynamic threshold used, or null for {@code full} and {@code fixed}
 * @param tolerance the tolerance the threshold was picked for, or null when none was asked
 * @param confidence the confidence at which the tolerance is guaranteed (risk-calibrated models),
 *     or null
 */
public record ResolvedExit(ExitPolicy policy, Double threshold, Double tolerance, Double confidence) {

    public ResolvedExit(ExitPolicy policy, Double threshold, Double tolerance) {
        this(policy, threshold, tolerance, null);
    }
}
