package io.chaoscast.models.earlyexit;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * Records gradients on the calling thread only.
 *
 * <p>DJL's PyTorch collector allows one collector in the whole JVM (a static flag), and it turns
 * grad mode on before it checks that flag: a second training on another worker thread fails with
 * "A PtGradientCollector is already collecting" and is left with grad mode on. libtorch's grad
 * mode is per thread and the autograd graphs of two threads are independent, so trainings on
 * several worker threads need nothing more than this: grad mode on for this thread while
 * collecting, the previous mode back on close.
 */
final class ThreadGradientCollector implements GradientCollector {

    private final boolean previous;

    ThreadGradientCollector() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    @Override
    public void backward(NDArray target) {
        try (NDArray seed = target.onesLike()) {
            JniUtils.backward((PtNDArray) target, (PtNDArray) seed, false, false);
        }
    }

    /** Not used by the trainer, which, as with DJL's collector, leaves gradients to the optimizer step. */
    @Override
    public void zeroGradients() {
        throw new UnsupportedOperationException("not used: the optimizer step owns the gradients");
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
