package io.chaoscast.models.earlyexit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;

/**
 * What one exit decision costs against one block, at a batch size: the router's decision for a
 * pass (host arithmetic on every row), the per-block uncertainty module with its host copy (the
 * decision of models without a router), and one residual block, each the median of several timed
 * repetitions after a warm-up. A measurement, not a test: figures depend on the machine.
 *
 * @param batch rows
 * @param routerNanos one router decision for all rows (once per pass)
 * @param uemNanos one uncertainty-module decision for all rows including the host copy (once per block)
 * @param blockNanos one block for all rows
 */
public record DecisionCost(int batch, double routerNanos, double uemNanos, double blockNanos) {

    /** Router decision over one block. */
    public double routerFraction() {
        return routerNanos / blockNanos;
    }

    /** Per-block uncertainty decision over one block. */
    public double uemFraction() {
        return uemNanos / blockNanos;
    }

    /**
     * @param contexts at least one context; repeated to fill {@code batch} rows
     * @param repeats timed repetitions per figure (plus as many for warm-up)
     */
    public static DecisionCost measure(EarlyExitForecaster f, double[][][] contexts, int batch, int repeats) {
        if (f.modelSpec().router() == null) {
            throw new IllegalArgumentException("the model has no exit router");
        }
        double[][][] rows = new double[batch][][];
        for (int r = 0; r < batch; r++) {
            rows[r] = contexts[r % contexts.length];
        }
        float[] input = f.firstPassInput(rows);
        var a = f.modelSpec().architecture();
        int size = a.inputSize();
        ExitRouter router = f.modelSpec().router();
        double[] scratch = new double[router.weights().length];
        double[] score = new double[1];
        double[][] w = router.byExit();
        double logit = ExitRouter.logit(f.modelSpec().risk() == null ? 0.5 : f.modelSpec().risk().threshold());
        int[] sink = new int[1];
        double[] routerT = new double[repeats];
        double[] uemT = new double[repeats];
        double[] blockT = new double[repeats];
        ParameterStore ps = f.parameterStore();
        try (NDManager m = f.manager().newSubManager()) {
            NDArray hidden = f.network().embed(ps, m.create(input, new Shape(batch, size)), false);
            for (int k = -repeats; k < repeats; k++) {
                long t0 = System.nanoTime();
                for (int r = 0; r < batch; r++) {
                    sink[0] += router.decide(w, input, r * size, size, scratch, logit, a.blocks(), score);
                }
                long t1 = System.nanoTime();
                NDArray u = f.network().uncertainty(ps, 0, hidden, false);
                float[] host = u.toFloatArray();
                sink[0] += host.length;
                long t2 = System.nanoTime();
                NDArray out = f.network().block(ps, 0, hidden, false);
                // Block outputs stay on the device in a pass; reading one value forces completion
                // on asynchronous devices without copying the whole tensor.
                sink[0] += (int) out.get(0, 0).getFloat();
                long t3 = System.nanoTime();
                u.close();
                out.close();
                if (k >= 0) {
                    routerT[k] = t1 - t0;
                    uemT[k] = t2 - t1;
                    blockT[k] = t3 - t2;
                }
            }
        }
        return new DecisionCost(batch, median(routerT), median(uemT), median(blockT));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
