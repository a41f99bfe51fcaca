package io.chaoscast.models.policy;

/**
 * Every sample exits at the same block ({@code depth}, capped at the network's depth): a static
 * shallow network cut from the deep one.
 *
 * @param depth 1-based exit block, at least 1
 */
public record FixedDepth(int depth) implements ExitPolicy {

    public FixedDepth {
        if (depth < 1) {
            throw new IllegalArgumentException("fixed exit depth must be at least 1, found " + depth);
        }
    }

    @Override
    public boolean exitsAt(int d, int blocks, double uncertainty) {
        return d >= Math.min(depth, blocks);
    }

    @Override
    public boolean needsUncertainty() {
        return false;
    }

    @Override
    public String name() {
        return "fixed:" + depth;
    }
}
