package io.chaoscast.inference.telemetry;

import io.chaoscast.contracts.results.CreateRunRequest;
import io.chaoscast.contracts.results.MetricBuffer;
import io.chaoscast.contracts.results.Provenance;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends forecast statistics to results-service off the request path: one {@code inference} run
 * per model and process, fed through the client's {@link MetricBuffer}.
 *
 * <p>{@link #offer} never blocks: it puts the record in a bounded queue or, when that is full,
 * counts its points as undelivered. One background thread opens runs and logs points. Points that
 * cannot be delivered (queue full, run not creatable, buffer refused or send failed) are counted
 * in {@code chaoscast.inference.telemetry.undelivered}, logged (at most once a minute) and shown in
 * {@code /actuator/info}.
 */
public final class ResultsTelemetry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResultsTelemetry.class);
    private static final long RUN_RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ResultsClient client;
    private final String experiment;
    private final String device;
    private final BlockingQueue<ForecastStatistics> queue;
    private final Map<String, ModelRun> runs = new HashMap<>(); // worker thread only
    private final AtomicLong undelivered = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(2));
    private final Counter undeliveredCounter;
    private final Thread worker;
    private final boolean enabled;
    private volatile boolean stopping;

    private static final class ModelRun {
        UUID runId;
        MetricBuffer buffer;
        long step;
        long retryAt;
    }

    /**
     * @param enabled false keeps statistics local: {@link #offer} then drops them without counting
     */
    public ResultsTelemetry(
            ResultsClient client,
            boolean enabled,
            String experiment,
            int queueCapacity,
            String device,
            MeterRegistry registry) {
        this.client = client;
        this.enabled = enabled;
        this.experiment = experiment;
        this.device = device;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.undeliveredCounter = Counter.builder("chaoscast.inference.telemetry.undelivered")
                .description("forecast statistics points that could not be sent to results-service")
                .register(registry);
        this.worker = new Thread(this::drain, "results-telemetry");
        this.worker.setDaemon(true);
        if (enabled) {
            this.worker.start();
        }
    }

    /** Queues one request's statistics; never blocks. */
    public void offer(ForecastStatistics s) {
        if (!enabled) {
            return;
        }
        if (stopping || !queue.offer(s)) {
            lost(ForecastStatistics.POINTS, "the telemetry queue is full or closed", null);
        }
    }

    /** Points delivered and not delivered so far, and points still waiting. */
    public Map<String, Object> stats() {
        long pending = queue.size() * (long) ForecastStatistics.POINTS;
        long bufferDelivered = 0;
        long bufferPending = 0;
        synchronized (runs) {
            for (ModelRun r : runs.values()) {
                if (r.buffer != null) {
                    MetricBuffer.Stats st = r.buffer.stats();
                    bufferDelivered += st.delivered();
                    bufferPending += st.pending();
                }
            }
        }
        return Map.of(
                "enabled",
                enabled,
                "delivered", bufferDelivered,
                "undelivered", undelivered.get(),
                "pending", pending + bufferPending,
                "runs", runCount());
    }

    public long undelivered() {
        return undelivered.get();
    }

    private int runCount() {
        synchronized (runs) {
            return (int) runs.values().stream().filter(r -> r.runId != null).count();
        }
    }

    private void drain() {
        while (!stopping || !queue.isEmpty()) {
            ForecastStatistics s;
            try {
                s = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                if (stopping) {
                    break;
                }
                continue;
            }
            if (s == null) {
                continue;
            }
            try {
                send(s);
            } catch (RuntimeException e) {
                lost(ForecastStatistics.POINTS, "sending statistics failed", e);
            }
        }
        List<ForecastStatistics> left = new java.util.ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            lost(left.size() * ForecastStatistics.POINTS, "the service stopped before they were sent", null);
        }
    }

    private void send(ForecastStatistics s) {
        ModelRun run;
        synchronized (runs) {
            run = runs.computeIfAbsent(s.modelId(), k -> new ModelRun());
        }
        if (run.buffer == null) {
            if (System.nanoTime() < run.retryAt) {
                lost(ForecastStatistics.POINTS, "no inference run could be opened for model " + s.modelId(), null);
                return;
            }
            try {
                UUID id = client.createRun(new CreateRunRequest(
                                experiment,
                                "inference " + s.modelName() + " on " + host(),
                                RunKind.INFERENCE,
                                s.systemName(),
                                null,
                                s.modelType(),
                                null,
                                Map.of("modelId", s.modelId(), "device", device),
                                Map.of("service", "inference-service", "host", host()),
                                Provenance.ofCurrentJvm(null, null, null, null)))
                        .id();
                MetricBuffer buffer = client.metricBuffer(
                        id,
                        new MetricBuffer.Options(10_000, 500, Duration.ofMillis(50), Duration.ofSeconds(5)),
                        (points, reason, cause) ->
                                lost(points.size(), "results-service did not take them (" + reason + ")", cause));
                synchronized (runs) {
                    run.runId = id;
                    run.buffer = buffer;
                }
            } catch (RuntimeException e) {
                run.retryAt = System.nanoTime() + RUN_RETRY_NANOS;
                lost(ForecastStatistics.POINTS, "could not open an inference run for model " + s.modelId(), e);
                return;
            }
        }
        long step = run.step++;
        run.buffer.log("mean_depth", step, s.meanDepth());
        run.buffer.log("compute_saved", step, s.computeSaved());
        run.buffer.log("latency_ms", step, s.latencyMs());
        run.buffer.log("batch_rows", step, s.batchRows());
    }

    private void lost(long points, String why, Throwable cause) {
        undelivered.addAndGet(points);
        undeliveredCounter.increment(points);
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last > TimeUnit.MINUTES.toNanos(1) && lastWarning.compareAndSet(last, now)) {
            log.warn(
                    "{} forecast statistics points not delivered to results-service so far; latest: {}{}",
                    undelivered.get(),
                    why,
                    cause == null ? "" : " (" + cause.getMessage() + ")");
        }
    }

    /** Sends what is queued, closes the buffers and finishes the runs. */
    public void flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!queue.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        List<ModelRun> all;
        synchronized (runs) {
            all = List.copyOf(runs.values());
        }
        for (ModelRun r : all) {
            if (r.buffer != null) {
                r.buffer.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    @Override
    public void close() {
        stopping = true;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ModelRun> all;
        synchronized (runs) {
            all = List.copyOf(runs.values());
        }
        for (ModelRun r : all) {
            if (r.buffer != null) {
                r.buffer.close();
                try {
                    client.finishRun(r.runId);
                } catch (RuntimeException e) {
                    log.warn("could not finish inference run {}: {}", r.runId, e.getMessage());
                }
            }
        }
    }
}
