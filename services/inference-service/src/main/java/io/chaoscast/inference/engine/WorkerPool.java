package io.chaoscast.inference.engine;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The loaded replicas of one model and one worker thread per replica. A replica is lent to one
 * batch at a time, because DJL blocks and their parameter stores are not thread-safe.
 */
final class WorkerPool implements AutoCloseable {

    private final List<LoadedForecaster> replicas;
    private final BlockingQueue<LoadedForecaster> idle;
    private final ExecutorService workers;

    WorkerPool(String modelId, List<LoadedForecaster> replicas) {
        this.replicas = List.copyOf(replicas);
        this.idle = new ArrayBlockingQueue<>(replicas.size(), false, replicas);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(replicas.size(), r -> {
            Thread t = new Thread(r, "forecast-" + modelId + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    int size() {
        return replicas.size();
    }

    LoadedForecaster any() {
        return replicas.get(0);
    }

    /** Waits for an idle replica; the caller must hand it to {@link #run}. */
    LoadedForecaster acquire() throws InterruptedException {
        return idle.take();
    }

    /** Runs {@code work} on a worker thread with {@code replica}, then returns the replica. */
    void run(LoadedForecaster replica, Consumer<LoadedForecaster> work) {
        workers.execute(() -> {
            try {
                work.accept(replica);
            } finally {
                idle.add(replica);
            }
        });
    }

    /** Waits for running batches to finish, then frees every replica's native memory. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (LoadedForecaster r : replicas) {
            r.close();
        }
    }
}
