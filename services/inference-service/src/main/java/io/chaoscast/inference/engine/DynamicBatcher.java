package io.chaoscast.inference.engine;

import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gathers concurrent requests for one model into batches, as DJL Serving does with {@code
 * batch_size} and {@code max_batch_delay}.
 *
 * <p>One dispatcher thread waits for an idle replica, takes the oldest request, then keeps taking
 * requests with the same horizon and exit policy until the batch holds {@link
 * BatchingSettings#maxBatchSize()} rows or {@link BatchingSettings#maxBatchDelay()} has passed.
 * While every replica is busy, requests pile up in the queue, so batches grow with the load. A
 * request that cannot join (other policy or horizon, or no room) opens the next batch. The whole
 * batch runs in one call of the forecaster, in which every row still exits at its own depth and
 * exited rows leave the batch tensor; the result is then cut back into one answer per request.
 *
 * <p>The queue is bounded: when it is full, {@link #submit} throws {@link OverloadedException}
 * at once.
 */
final class DynamicBatcher implements AutoCloseable {

    private final String modelId;
    private final WorkerPool pool;
    private final BatchingSettings settings;
    private final ServingListener listener;
    private final BlockingQueue<ForecastJob> queue;
    private final Thread dispatcher;
    private volatile boolean closing;
    private ForecastJob carried; // dispatcher thread only

    DynamicBatcher(String modelId, WorkerPool pool, BatchingSettings settings, ServingListener listener) {
        this.modelId = modelId;
        this.pool = pool;
        this.settings = settings;
        this.listener = listener;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.dispatcher = new Thread(this::dispatchLoop, "batcher-" + modelId);
        this.dispatcher.setDaemon(true);
        this.dispatcher.start();
    }

    /**
     * @throws OverloadedException when the queue is full
     * @throws ModelUnavailableException when the batcher is closing
     */
    CompletableFuture<ForecastOutcome> submit(double[][][] contexts, int horizon, ExitPolicy policy) {
        if (closing) {
            throw new ModelUnavailableException("model " + modelId + " is being unloaded; retry");
        }
        ForecastJob job = new ForecastJob(contexts, horizon, policy);
        if (!queue.offer(job)) {
            listener.rejected(modelId);
            long retry = Math.max(1, settings.maxBatchDelay().toSeconds());
            throw new OverloadedException(modelId, settings.queueCapacity(), retry);
        }
        return job.result;
    }

    int queued() {
        return queue.size();
    }

    private void dispatchLoop() {
        while (true) {
            LoadedForecaster replica;
            try {
                replica = pool.acquire();
            } catch (InterruptedException e) {
                break;
            }
            List<ForecastJob> batch;
            try {
                batch = gather();
            } catch (InterruptedException e) {
                pool.run(replica, r -> {});
                break;
            }
            if (batch == null) {
                pool.run(replica, r -> {});
                break;
            }
            pool.run(replica, r -> runBatch(r, batch));
        }
        failPending();
    }

    /** The next batch, or null once closing with nothing left to run. */
    private List<ForecastJob> gather() throws InterruptedException {
        ForecastJob first = carried;
        carried = null;
        while (first == null) {
            first = queue.poll(50, TimeUnit.MILLISECONDS);
            if (first == null && closing) {
                return null;
            }
        }
        List<ForecastJob> batch = new ArrayList<>();
        batch.add(first);
        int rows = first.rows();
        long deadline = System.nanoTime() + settings.maxBatchDelay().toNanos();
        while (rows < settings.maxBatchSize()) {
            long wait = deadline - System.nanoTime();
            ForecastJob next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            if (next.batchesWith(first) && rows + next.rows() <= settings.maxBatchSize()) {
                batch.add(next);
                rows += next.rows();
            } else {
                carried = next;
                break;
            }
        }
        return batch;
    }

    private void runBatch(LoadedForecaster replica, List<ForecastJob> batch) {
        long start = System.nanoTime();
        int rows = 0;
        for (ForecastJob j : batch) {
            rows += j.rows();
            listener.queued(modelId, start - j.enqueuedNanos);
        }
        double[][][] all = new double[rows][][];
        int at = 0;
        for (ForecastJob j : batch) {
            System.arraycopy(j.contexts, 0, all, at, j.rows());
            at += j.rows();
        }
        ForecastJob first = batch.get(0);
        ForecastResult result;
        try {
            result = replica.forecaster().forecast(all, first.horizon, first.policy);
        } catch (RuntimeException | Error e) {
            for (ForecastJob j : batch) {
                j.result.completeExceptionally(e);
            }
            return;
        }
        long runNanos = System.nanoTime() - start;
        listener.batchRun(modelId, batch.size(), rows, runNanos);
        int depth = replica.forecaster().spec().depth();
        at = 0;
        for (ForecastJob j : batch) {
            int n = j.rows();
            double[][][] f = new double[n][][];
            int[][] depths = new int[n][];
            double[][] u = new double[n][];
            System.arraycopy(result.forecasts(), at, f, 0, n);
            System.arraycopy(result.exitDepths(), at, depths, 0, n);
            System.arraycopy(result.uncertainties(), at, u, 0, n);
            long evals = 0;
            long passes = 0;
            for (int[] row : depths) {
                for (int d : row) {
                    evals += d;
                }
                passes += row.length;
            }
            // A row that exits at block k ran k blocks: exited rows leave the batch tensor.
            j.result.complete(new ForecastOutcome(
                    f, depths, u, evals, passes * depth, rows, start - j.enqueuedNanos, runNanos));
            at += n;
        }
    }

    private void failPending() {
        List<ForecastJob> left = new ArrayList<>();
        if (carried != null) {
            left.add(carried);
            carried = null;
        }
        queue.drainTo(left);
        for (ForecastJob j : left) {
            j.result.completeExceptionally(new ModelUnavailableException("model " + modelId + " was unloaded"));
        }
    }

    /** Stops taking requests, runs what is queued, then frees the replicas. */
    @Override
    public void close() {
        closing = true;
        try {
            dispatcher.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dispatcher.isAlive()) {
            dispatcher.interrupt();
        }
        pool.close();
    }
}
