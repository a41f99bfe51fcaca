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
 * batch_size} and {@code max_batch_delay}, and runs them on a pool of workers.
 *
 * <p>The loaded replicas sit in an idle pool; a replica is lent to one batch at a time (DJL
 * blocks are not thread-safe). When the queue is empty and a replica is idle, a request runs at
 * once on the calling thread: under light load nothing is gained by waiting, and two thread
 * hand-offs are saved. Otherwise it joins the bounded queue, where one worker thread per
 * replica takes the oldest request, waits for an idle replica, then keeps taking requests with
 * the same horizon and exit policy until the batch holds {@link BatchingSettings#maxBatchSize()}
 * rows or {@link BatchingSettings#maxBatchDelay()} has passed. The delay is only waited while no
 * replica is idle. While every replica is busy, requests pile up and the next batch takes them
 * together, so batches grow with the load. A request that cannot join (other policy or horizon,
 * or no room) opens the worker's next batch.
 *
 * <p>The whole batch runs in one call of the forecaster, in which every row still exits at its
 * own depth and exited rows leave the batch tensor; the result is cut back into one answer per
 * request. Rows are computed independently (a row whose rollout overflows ends NaN, and {@link
 * InferenceEngine} refuses only the request it belongs to); should the call throw for a batch of
 * several requests, each runs again alone, so one request never fails the others merged with it.
 * Requests are checked one by one before they are queued. The queue is bounded: when it is full,
 * {@link #submit} throws {@link OverloadedException} at once.
 */
final class DynamicBatcher implements AutoCloseable {

    private final String modelId;
    private final List<LoadedForecaster> replicas;
    private final BatchingSettings settings;
    private final ServingListener listener;
    private final BlockingQueue<ForecastJob> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final BlockingQueue<LoadedForecaster> idle;
    private volatile boolean closing;

    DynamicBatcher(
            String modelId, List<LoadedForecaster> replicas, BatchingSettings settings, ServingListener listener) {
        this.modelId = modelId;
        this.replicas = List.copyOf(replicas);
        this.settings = settings;
        this.listener = listener;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.idle = new ArrayBlockingQueue<>(this.replicas.size(), false, this.replicas);
        for (int i = 0; i < this.replicas.size(); i++) {
            Thread t = new Thread(this::workLoop, "forecast-" + modelId + "-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
        }
        workers.forEach(Thread::start);
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
        if (queue.isEmpty()) {
            LoadedForecaster replica = idle.poll();
            if (replica != null) {
                try {
                    runBatch(replica, List.of(job));
                } finally {
                    idle.add(replica);
                }
                return job.result;
            }
        }
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

    LoadedForecaster anyReplica() {
        return replicas.get(0);
    }

    int replicaCount() {
        return replicas.size();
    }

    private void workLoop() {
        ForecastJob carried = null;
        while (true) {
            ForecastJob first = carried;
            carried = null;
            LoadedForecaster replica;
            try {
                while (first == null) {
                    first = queue.poll(50, TimeUnit.MILLISECONDS);
                    if (first == null && closing) {
                        return;
                    }
                }
                replica = idle.take();
            } catch (InterruptedException e) {
                if (first != null) {
                    fail(first);
                }
                return;
            }
            List<ForecastJob> batch = new ArrayList<>();
            batch.add(first);
            try {
                carried = gather(first, batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                runBatch(replica, batch);
            } finally {
                idle.add(replica);
            }
            if (Thread.currentThread().isInterrupted()) {
                if (carried != null) {
                    fail(carried);
                }
                return;
            }
        }
    }

    /** Adds compatible requests to {@code batch}; returns a request that must open the next one. */
    private ForecastJob gather(ForecastJob first, List<ForecastJob> batch) throws InterruptedException {
        int rows = first.rows();
        long deadline = System.nanoTime() + settings.maxBatchDelay().toNanos();
        while (rows < settings.maxBatchSize()) {
            ForecastJob next = queue.poll();
            if (next == null) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0 || !idle.isEmpty()) {
                    break;
                }
                next = queue.poll(wait, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
            }
            if (next.batchesWith(first) && rows + next.rows() <= settings.maxBatchSize()) {
                batch.add(next);
                rows += next.rows();
            } else {
                return next;
            }
        }
        return null;
    }

    private void runBatch(LoadedForecaster replica, List<ForecastJob> batch) {
        long start = System.nanoTime();
        for (ForecastJob j : batch) {
            listener.queued(modelId, start - j.enqueuedNanos);
        }
        run(replica, batch, start);
    }

    /**
     * Runs {@code batch} in one call of the forecaster and completes each job with its own rows.
     * When the call throws for a batch of several requests, each is run again alone, so that a
     * request whose contexts make the forecaster fail fails by itself and never takes the requests
     * merged with it down too.
     *
     * @param started when the batch left the queue (the end of its requests' queue time)
     */
    private void run(LoadedForecaster replica, List<ForecastJob> batch, long started) {
        long start = System.nanoTime();
        int rows = 0;
        for (ForecastJob j : batch) {
            rows += j.rows();
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
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                for (ForecastJob j : batch) {
                    run(replica, List.of(j), started);
                }
                return;
            }
            first.result.completeExceptionally(e);
            return;
        } catch (Error e) {
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
                    f, depths, u, evals, passes * depth, rows, started - j.enqueuedNanos, runNanos));
            at += n;
        }
    }

    private void fail(ForecastJob j) {
        j.result.completeExceptionally(new ModelUnavailableException("model " + modelId + " was unloaded"));
    }

    /** Stops taking requests, runs what is queued, then frees the replicas. */
    @Override
    public void close() {
        closing = true;
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                t.interrupt();
            }
        }
        List<ForecastJob> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(this::fail);
        if (workers.stream().noneMatch(Thread::isAlive)) {
            // A request running inline on a caller's thread still holds its replica: wait for it.
            for (int i = 0; i < replicas.size(); i++) {
                try {
                    if (idle.poll(30, TimeUnit.SECONDS) == null) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            replicas.forEach(LoadedForecaster::close);
        }
    }
}
