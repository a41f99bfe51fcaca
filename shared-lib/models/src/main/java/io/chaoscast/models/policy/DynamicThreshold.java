package io.chaoscast.models.policy;

/**
 * A sample exits at the first block whose uncertainty is below {@code threshold}, and at the
 * latest at block {@code maxDepth}. Because the uncertainty lies strictly inside (0, 1), threshold
 * 0 never exits early (full depth, or exactly {@code maxDepth} blocks) and threshold 1 always
 * exits at the first block.
 *
 * <p>Why a cap: on a network whose deep blocks no longer improve the forecast a user receives,
 * the cheapest policy within a quality budget can be a shallower network for every sample, with
 * the per-sample decision working below it; the forecast-level calibration tests capped and
 * uncapped policies side by side (see {@code RiskCalibration}).
 *
 * @param threshold in [0, 1]
 * @param maxDepth the deepest block a sample runs, at least 1; {@link #NO_CAP} for none
 */
public record DynamicThreshold(double threshold, int maxDepth) implements ExitPolicy {

    /** No cap: samples may run every block. */
    public static final int NO_CAP = Integer.MAX_VALUE;

    public DynamicThreshold {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("dynamic exit threshold must be between 0 and 1, found " + threshold);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("dynamic exit maxDepth must be at least 1, found " + maxDepth);
        }
    }

    /** Without a cap. */
    public DynamicThreshold(double threshold) {
        this(threshold, NO_CAP);
    }

    public boolean capped() {
        return maxDepth != NO_CAP;
    }

    @Override
    public boolean exitsAt(int depth, int blocks, double uncertainty) {
        return depth >= Math.min(blocks, maxDepth) || uncertainty < threshold;
    }

    @Override
    public boolean needsUncertainty() {
        return true;
    }

    @Override
    public String name() {
        return "dynamic:" + threshold + (capped() ? "@" + maxDepth : "");
    }
}
