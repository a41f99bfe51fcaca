package io.chaoscast.contracts.results;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded, asynchronous buffer of metric points for one run. {@link #log} puts a point in the
 * buffer and returns at once; one background thread sends what has gathered in batches of up to
 * {@link Options#batchSize()} through {@link ResultsClient#logMetrics} (which retries connection
 * errors and 5xx with the same idempotency key, so a retried batch is stored once).
 *
 * <p>Nothing is dropped silently. A point that cannot be delivered (the buffer stayed full, the
 * buffer is closed, the value is not finite, or its batch was refused or could not be sent after
 * retries) is counted in {@link #stats()} and handed to the {@link Listener}. {@link #flush()}
 * waits until every point logged before it was delivered or reported; {@link #close()} flushes and
 * stops the thread.
 *
 * <p>Thread-safe: any number of threads may log into one buffer.
 */
public final class MetricBuffer implements AutoCloseable {

    /** Why points were not delivered. */
    public enum UndeliveredReason {
        /** The buffer stayed full for longer than {@link Options#offerTimeout()}. */
        BUFFER_FULL,
        /** The buffer was closed (or its close timed out) before the points were sent. */
        CLOSED,
        /** Not a finite value, a blank or over-long key, or a negative step: the service would refuse the batch. */
        INVALID,
        /** The service refused the batch (e.g. 409: the run is finished) or could not be reached after retries. */
        SEND_FAILED
    }

    /** Told about every point that was not delivered. Called from the logging or the sending thread. */
    @FunctionalInterface
    public interface Listener {
        void onUndelivered(List<MetricPointRequest> points, UndeliveredReason reason, Throwable cause);
    }

    /**
     * @param capacity points the buffer holds before {@link #log} blocks (default 100 000)
     * @param batchSize most points per request (default 10 000; the service takes up to 100 000)
     * @param offerTimeout how long {@link #log} waits for room in a full buffer (default 10 s)
     * @param closeTimeout how long {@link #close} waits for the buffer to drain (default 60 s)
     */
    public record Options(int capacity, int batchSize, Duration offerTimeout, Duration closeTimeout) {
        public Options {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, found " + capacity);
            }
            if (batchSize < 1 || batchSize > 100_000) {
                throw new IllegalArgumentException("batchSize must be in [1, 100000], found " + batchSize);
            }
            Objects.requireNonNull(offerTimeout, "offerTimeout");
            Objects.requireNonNull(closeTimeout, "closeTimeout");
        }

        public static Options defaults() {
            return new Options(100_000, 10_000, Duration.ofSeconds(10), Duration.ofSeconds(60));
        }
    }

    /**
     * Counters since the buffer was made.
     *
     * @param accepted points taken into the buffer
     * @param delivered points the service stored
     * @param failed accepted points whose batch was refused or could not be sent
     * @param rejected points never taken in (full, closed or invalid)
     * @param pending accepted points neither delivered nor failed yet
     */
    public record Stats(long accepted, long delivered, long failed, long rejected, long pending) {
        /** Points that did not reach the service: failed plus rejected. */
        public long undelivered() {
            return failed + rejected;
        }
    }

    private final ResultsClient client;
    private final UUID runId;
    private final Options options;
    private final Listener listener;
    private final BlockingQueue<MetricPointRequest> queue;
    private final Thread worker;
    private final Object progress = new Object();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean stopping;

    MetricBuffer(ResultsClient client, UUID runId, Options options, Listener listener) {
        this.client = Objects.requireNonNull(client, "client");
        this.runId = Objects.requireNonNull(runId, "runId");
        this.options = options == null ? Options.defaults() : options;
        this.listener = listener == null ? (p, r, c) -> {} : listener;
        this.queue = new ArrayBlockingQueue<>(this.options.capacity());
        this.worker = new Thread(this::drainLoop, "metric-buffer-" + runId);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Logs {@code value} of {@code key} at {@code step}, timestamped now. */
    public boolean log(String key, long step, double value) {
        return log(new MetricPointRequest(key, value, step, Instant.now()));
    }

    /**
     * Puts a point in the buffer, waiting up to {@link Options#offerTimeout()} for room.
     *
     * @return true when the point was taken in; false when it was rejected (and reported)
     */
    public boolean log(MetricPointRequest point) {
        String invalid = invalidReason(point);
        if (invalid != null) {
            return reject(point, UndeliveredReason.INVALID, new IllegalArgumentException(invalid));
        }
        if (closed) {
            return reject(point, UndeliveredReason.CLOSED, null);
        }
        boolean taken;
        try {
            taken = queue.offer(point, options.offerTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return reject(point, UndeliveredReason.BUFFER_FULL, e);
        }
        if (!taken) {
            return reject(point, UndeliveredReason.BUFFER_FULL, null);
        }
        accepted.incrementAndGet();
        return true;
    }

    /**
     * Waits until every point accepted before this call was delivered or reported as failed.
     *
     * @return true when that happened, false when {@code timeout} passed first
     */
    public boolean flush(Duration timeout) {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (delivered.get() + failed.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !worker.isAlive()) {
                    return delivered.get() + failed.get() >= target;
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** {@link #flush(Duration)} with the close timeout. */
    public boolean flush() {
        return flush(options.closeTimeout());
    }

    public Stats stats() {
        long a = accepted.get();
        long d = delivered.get();
        long f = failed.get();
        return new Stats(a, d, f, rejected.get(), a - d - f);
    }

    /**
     * Stops taking points, sends what is buffered (up to the close timeout), then stops the
     * thread. Points still buffered after the timeout are reported as {@link UndeliveredReason#CLOSED}.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        flush(options.closeTimeout());
        stopping = true;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A point offered while close() ran may still sit in the queue: report it, never lose it.
        List<MetricPointRequest> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            fail(left, UndeliveredReason.CLOSED, null);
        }
    }

    private void drainLoop() {
        List<MetricPointRequest> batch = new ArrayList<>(options.batchSize());
        while (!stopping) {
            MetricPointRequest first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                if (stopping) {
                    return;
                }
                continue;
            }
            if (first == null) {
                continue;
            }
            // Natural batching: whatever gathered while the previous request was in flight goes next.
            batch.add(first);
            queue.drainTo(batch, options.batchSize() - 1);
            send(batch);
            batch = new ArrayList<>(options.batchSize());
        }
    }

    private void send(List<MetricPointRequest> batch) {
        try {
            client.logMetrics(runId, batch);
            delivered.addAndGet(batch.size());
            signal();
        } catch (RuntimeException e) {
            fail(batch, UndeliveredReason.SEND_FAILED, e);
        }
    }

    private void fail(List<MetricPointRequest> points, UndeliveredReason reason, Throwable cause) {
        failed.addAndGet(points.size());
        tell(List.copyOf(points), reason, cause);
        signal();
    }

    private boolean reject(MetricPointRequest point, UndeliveredReason reason, Throwable cause) {
        rejected.incrementAndGet();
        tell(List.of(point), reason, cause);
        return false;
    }

    private void tell(List<MetricPointRequest> points, UndeliveredReason reason, Throwable cause) {
        try {
            listener.onUndelivered(points, reason, cause);
        } catch (RuntimeException e) {
            // A faulty listener must not stop delivery of the other points; the counters still hold.
        }
    }

    private void signal() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private static String invalidReason(MetricPointRequest p) {
        if (p == null) {
            return "point is null";
        }
        if (p.key() == null || p.key().isBlank() || p.key().length() > 250) {
            return "key must be 1 to 250 characters, found " + (p.key() == null ? "null" : p.key().length());
        }
        if (!Double.isFinite(p.value())) {
            return "value must be a finite number, found " + p.value();
        }
        if (p.step() < 0) {
            return "step must be 0 or more, found " + p.step();
        }
        return null;
    }
}
