package io.chaoscast.models.calibration;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * The per-window losses of a risk calibration, stored compactly so that Learn-then-Test can be
 * rerun for any tolerance and confidence with the betting p-value, which needs the losses
 * themselves: every loss mapped to [0, 1] by {@code (ℓ + 1) / 2}, rounded up to a multiple of
 * 1/65535 (rounding up can only make the test more conservative), as big-endian 16-bit values,
 * point after point, base64. About 2 bytes per window and point (some 80 KB for 30 policies on
 * 1 000 windows).
 *
 * <p>The windows are stored in a shuffled order fixed by a constant seed, drawn independently of
 * the losses: calibration windows come in time order, and betting along time would let a run of
 * hard windows early in a trajectory decide the stakes.
 */
public final class WindowLosses {

    /** Seed of the betting order; any constant works, it only has to be independent of the losses. */
    static final long ORDER_SEED = 0x5EEDL;

    private static final int LEVELS = 65535;

    private WindowLosses() {}

    /** The betting order of {@code n} windows: a seeded shuffle. */
    public static int[] order(int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(ORDER_SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /**
     * Encodes signed losses in [−1, 1] ({@code [point][window]}, windows in measurement order) of the
     * windows selected by {@code idx}, in betting order.
     */
    public static String encode(double[][] losses, int[] idx) {
        int[] perm = order(idx.length);
        ByteBuffer buf = ByteBuffer.allocate(2 * losses.length * idx.length);
        for (double[] point : losses) {
            for (int k : perm) {
                double x = (Math.max(-1, Math.min(1, Double.isNaN(point[idx[k]]) ? 1 : point[idx[k]])) + 1) / 2;
                buf.putShort((short) (int) Math.min(LEVELS, Math.ceil(x * LEVELS - 1e-9)));
            }
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }

    /** The losses mapped to [0, 1], {@code [point][window]} in betting order, or null if malformed. */
    public static double[][] decode(String text, int points, int windows) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if ((long) bytes.length != 2L * points * windows) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        double[][] out = new double[points][windows];
        for (int p = 0; p < points; p++) {
            for (int w = 0; w < windows; w++) {
                out[p][w] = (buf.getShort() & 0xFFFF) / (double) LEVELS;
            }
        }
        return out;
    }
}
