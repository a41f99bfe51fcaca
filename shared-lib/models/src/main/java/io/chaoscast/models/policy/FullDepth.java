package io.chaoscast.models.policy;

/** Runs every block: the reference the other policies are measured against. */
public final class FullDepth implements ExitPolicy {

    static final FullDepth INSTANCE = new FullDepth();

    private FullDepth() {}

    @Override
    public boolean exitsAt(int depth, int blocks, double uncertainty) {
        return depth >= blocks;
    }

    @Override
    public boolean needsUncertainty() {
        return false;
    }

    @Override
    public String name() {
        return "full";
    }

    @Override
    public String toString() {
        return name();
    }
}
