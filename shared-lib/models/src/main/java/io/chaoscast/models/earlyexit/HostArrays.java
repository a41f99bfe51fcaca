package io.chaoscast.models.earlyexit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Java numbers into libtorch tensors that live in libtorch's own memory.
 *
 * <p>DJL's PyTorch engine hands libtorch Java memory without copying: {@code create} wraps a
 * direct buffer, {@code set(float[])} re-points an existing tensor (a parameter, say) at one, and
 * an op with a number argument ({@code mul(Number)}) makes a scalar on one that it frees as soon
 * as the call returns. libtorch keeps tensors alive by reference counting (autograd graphs, views)
 * and knows nothing of the Java buffer's life: a backward pass read such a scalar after the garbage
 * collector had freed it, and got whatever had been allocated there since. A training beside
 * another training, or beside a service loading a model, came out differently now and then, once
 * by more than a percent of its loss. Tensors made here are copies that libtorch owns.
 */
final class HostArrays {

    private HostArrays() {}

    /** A tensor in libtorch's own memory holding {@code data}, attached to {@code manager}. */
    static NDArray tensor(NDManager manager, float[] data, Shape shape) {
        try (NDArray view = manager.create(data, shape)) {
            return view.duplicate();
        }
    }

    /**
     * A float scalar in libtorch's memory, on {@code like}'s manager. Ops that take a Java number
     * ({@code mul(Number)}, {@code div(Number)}) put it on a Java buffer and free that buffer as
     * soon as they return, while the autograd graph keeps pointing at it for the backward pass:
     * a gradient computed after a garbage collection read whatever had been allocated there since.
     */
    static NDArray scalar(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value);
    }

    /** {@link #tensor(NDManager, float[], Shape)} of a vector. */
    static NDArray tensor(NDManager manager, float[] data) {
        return tensor(manager, data, new Shape(data.length));
    }

    /** Writes {@code values} into {@code target}'s own storage. */
    static void overwrite(NDArray target, NDArray values) {
        withoutGradients(() -> target.set(new NDIndex("..."), values));
    }

    /** {@link #overwrite} with numbers from Java. */
    static void overwrite(NDArray target, float[] values) {
        try (NDArray v = tensor(target.getManager(), values, target.getShape())) {
            overwrite(target, v);
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
