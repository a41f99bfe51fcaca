package io.chaoscast.models.policy;

/**
 * Decides, per sample and per block, whether a pass of the early-exit network stops here. The
 * last block always exits.
 */
public sealed interface ExitPolicy permits FullDepth, FixedDepth, DynamicThreshold {

    /**
     * @param depth 1-based index of the block just run
     * @param blocks number of blocks of the network
     * @param uncertainty the uncertainty module's output at this block, in (0, 1); {@code NaN}
     *     when {@link #needsUncertainty()} is false
     */
    boolean exitsAt(int depth, int blocks, double uncertainty);

    /** Whether {@link #exitsAt} reads the uncertainty, so the network must compute it at every block. */
    boolean needsUncertainty();

    /**
     * A short stable name such as {@code full}, {@code fixed:2}, {@code dynamic:0.05}, {@code
     * dynamic:0.05@4} (at most 4 blocks).
     */
    String name();

    static ExitPolicy full() {
        return FullDepth.INSTANCE;
    }

    static ExitPolicy fixed(int depth) {
        return new FixedDepth(depth);
    }

    static ExitPolicy dynamic(double threshold) {
        return new DynamicThreshold(threshold);
    }

    /** Dynamic below a cap: at most {@code maxDepth} blocks ({@link DynamicThreshold#NO_CAP} for none). */
    static ExitPolicy dynamic(double threshold, int maxDepth) {
        return new DynamicThreshold(threshold, maxDepth);
    }

    /** Parses {@link #name()}'s forms back, for REST parameters. */
    static ExitPolicy parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("exit policy must be one of full, fixed:<depth>, dynamic:<threshold>[@<maxDepth>]");
        }
        String t = text.trim();
        if (t.equals("full")) {
            return full();
        }
        try {
            if (t.startsWith("fixed:")) {
                return fixed(Integer.parseInt(t.substring(6)));
            }
            if (t.startsWith("dynamic:")) {
                String v = t.substring(8);
                int at = v.indexOf('@');
                return at < 0
                        ? dynamic(Double.parseDouble(v))
                        : dynamic(Double.parseDouble(v.substring(0, at)), Integer.parseInt(v.substring(at + 1)));
            }
        } catch (NumberFormatException e) {
            // fall through to the message naming the allowed forms
        }
        throw new IllegalArgumentException(
                "exit policy must be one of full, fixed:<depth>, dynamic:<threshold>[@<maxDepth>], found '" + text + "'");
    }
}
