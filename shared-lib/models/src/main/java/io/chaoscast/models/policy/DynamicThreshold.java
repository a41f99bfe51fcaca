package io.chaoscast.models.policy;

/**
 * A sample exits at the first block whose uncertainty is below {@code threshold}. Because the
 * uncertainty lies strictly inside (0, 1), threshold 0 never exits early (full depth) and
 * threshold 1 always exits at the first block.
 *
 * @param threshold in [0, 1]
 */
public record DynamicThreshold(double threshold) implements ExitPolicy {

    public DynamicThreshold {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("dynamic exit threshold must be between 0 and 1, found " + threshold);
        }
    }

    @Override
    public boolean exitsAt(int depth, int blocks, double uncertainty) {
        return depth >= blocks || uncertainty < threshold;
    }

    @Override
    public boolean needsUncertainty() {
        return true;
    }

    @Override
    public String name() {
        return "dynamic:" + threshold;
    }
}
