package io.chaoscast.inference.engine;

/** A model's queue is full: the request is shed at once instead of waiting in an unbounded queue. */
public class OverloadedException extends RuntimeException {

    private final long retryAfterSeconds;

    public OverloadedException(String modelId, int capacity, long retryAfterSeconds) {
        super("the queue of model " + modelId + " is full (" + capacity + " requests); retry after "
                + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
