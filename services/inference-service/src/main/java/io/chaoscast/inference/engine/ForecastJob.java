package io.chaoscast.inference.engine;

import io.chaoscast.models.policy.ExitPolicy;
import java.util.concurrent.CompletableFuture;

/** A request waiting in a model's queue. Jobs with equal horizon and policy can share a batch. */
final class ForecastJob {

    final double[][][] contexts;
    final int horizon;
    final ExitPolicy policy;
    final long enqueuedNanos;
    final CompletableFuture<ForecastOutcome> result = new CompletableFuture<>();

    ForecastJob(double[][][] contexts, int horizon, ExitPolicy policy) {
        this.contexts = contexts;
        this.horizon = horizon;
        this.policy = policy;
        this.enqueuedNanos = System.nanoTime();
    }

    int rows() {
        return contexts.length;
    }

    boolean batchesWith(ForecastJob other) {
        return horizon == other.horizon && policy.equals(other.policy);
    }
}
