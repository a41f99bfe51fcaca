package io.chaoscast.models.earlyexit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Java numbers into libtorch tensors that libtorch owns.
 *
 * <p>DJL's PyTorch engine hands libtorch Java memory without copying: {@code create} wraps a
 * direct buffer that lives as long as the DJL wrapper, {@code set(float[])} re-points an existing
 * tensor at one, and an op with a number argument ({@code mul(Number)}) makes a scalar on one and
 * lets go of it when the call returns, so that the next garbage collection frees the buffer.
 * libtorch keeps tensors alive by reference counting and knows nothing of a Java buffer's life:
 * the autograd graph kept such a scalar for the backward pass, which then read it after the
 * buffer had been freed, and got whatever had been allocated there since. A training beside another training, or beside a service loading a model,
 * came out differently now and then, once by two percent of its loss. What the autograd graph or
 * a parameter may keep beyond the wrapper is made here instead.
 */
final class HostArrays {

    private HostArrays() {}

    /** A tensor in libtorch's own memory holding {@code data}, attached to {@code manager}. */
    static NDArray tensor(NDManager manager, float[] data, Shape shape) {
        try (NDArray view = manager.create(data, shape)) {
            return view.duplicate();
        }
    }

    /** A float scalar in libtorch's own memory, on {@code like}'s manager. */
    static NDArray scalar(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value);
    }

    /**
     * Writes {@code values} into {@code target}'s own storage (a parameter keeps its place). The
     * write copies, so the Java-side view of {@code values} may go right after it.
     */
    static void overwrite(NDArray target, float[] values) {
        try (NDArray v = target.getManager().create(values, target.getShape())) {
            withoutGradients(() -> target.set(new NDIndex("..."), v));
        }
    }

    /** Sets every element of {@code target} to zero in its own storage. */
    static void zero(NDArray target) {
        withoutGradients(() -> target.set(new NDIndex("..."), 0f));
    }

    /**
     * Runs an in-place write with gradient recording off: on a parameter that records gradients
     * it fails on any thread whose libtorch grad mode is on.
     */
    private static void withoutGradients(Runnable write) {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            write.run();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }
}
