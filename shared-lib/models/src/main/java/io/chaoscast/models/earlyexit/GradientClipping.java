package io.chaoscast.models.earlyexit;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * Rescales a block's gradients so that their global L2 norm is at most a limit (Pascanu et al.
 * 2013, "On the difficulty of training recurrent neural networks").
 *
 * <p>Why the early-exit trainer needs it: rollout-training windows end with the model's own
 * forecasts, and now and then a batch of them yields a gradient tens of times the usual one (on
 * Lorenz the median step norm is 0.4–0.9, single steps reach 12–28, and one step's sum of squares
 * overflowed). Adam turns such a step into a full-size move of every weight in that direction and
 * keeps the inflated second moment for thousands of steps, which slows those weights to a crawl:
 * a training that jumps to a worse loss and stays there. Clipped, such a batch still counts, as a
 * step of ordinary size; a batch whose norm overflows contributes nothing.
 */
final class GradientClipping {

    private GradientClipping() {}

    /**
     * Clips the gradients of {@code block}'s trainable parameters in place to global norm {@code
     * maxNorm} (0: no clipping) and returns their global norm before clipping. With a limit, a
     * gradient whose norm is not finite (an element overflowed, or is NaN) is set to zero.
     */
    static double clipGlobalNorm(Block block, double maxNorm) {
        List<NDArray> grads = new ArrayList<>();
        try {
            double sumSquares = 0;
            for (Pair<String, Parameter> p : block.getParameters()) {
                Parameter param = p.getValue();
                if (!param.requiresGradient() || !param.isInitialized()) {
                    continue;
                }
                NDArray g = param.getArray().getGradient();
                grads.add(g);
                try (NDArray sq = g.square();
                        NDArray s = sq.sum()) {
                    sumSquares += s.getFloat();
                }
            }
            double norm = Math.sqrt(sumSquares);
            if (maxNorm > 0 && !Double.isFinite(norm)) {
                // Scaling cannot do it: an infinite element times the factor 0 is NaN, and a NaN
                // gradient compares false with the limit; either would make every weight NaN.
                // Written in place (HostArrays): set(float[]) would make the gradient alias a Java
                // buffer that only this handle keeps alive, and the handle is closed below.
                for (NDArray g : grads) {
                    HostArrays.zero(g);
                }
            } else if (maxNorm > 0 && norm > maxNorm) {
                float factor = (float) (maxNorm / norm);
                for (NDArray g : grads) {
                    g.muli(factor);
                }
            }
            return norm;
        } finally {
            grads.forEach(NDArray::close);
        }
    }
}
