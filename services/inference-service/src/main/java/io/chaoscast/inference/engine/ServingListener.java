package io.chaoscast.inference.engine;

/**
 * Told what the engine does, so that metrics can be kept outside it. Called on engine threads:
 * implementations must be quick and must not throw.
 */
public interface ServingListener {

    ServingListener NONE = new ServingListener() {};

    /** A forward pass ran {@code jobs} requests holding {@code rows} contexts together. */
    default void batchRun(String modelId, int jobs, int rows, long runNanos) {}

    /** A request waited {@code queueNanos} in the model's queue before its batch started. */
    default void queued(String modelId, long queueNanos) {}

    /** A request was shed because the model's queue was full. */
    default void rejected(String modelId) {}

    /** A model was loaded (all replicas, warmed up). */
    default void loaded(String modelId, long loadNanos) {}

    /** A model left the cache to make room. */
    default void evicted(String modelId) {}
}
