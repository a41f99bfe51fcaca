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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends forecast statistics to results-service off the request path: one {@code inference} run
 * per model and process, fed through the client's bounded {@link MetricBuffer}.
 *
 * <p>{@link #offer} only adds the request's figures to the model's running sums (a short lock,
 * never I/O, never waiting for room). Once per {@code interval} a background thread turns each
 * model's sums into points at the next step: {@code requests}, {@code mean_depth}, {@code
 * compute_saved}, {@code latency_ms} (mean), {@code latency_ms_max} and {@code batch_rows} (mean),
 * so the cost to results-service does not grow with the request rate. Points that cannot be
 * delivered (run not creatable, buffer full or closed, batch refused or unsent after retries) are
 * counted in {@code chaoscast.inference.telemetry.undelivered}, logged at most once a minute, and
 * shown in {@code /actuator/info}.
 */
public final class ResultsTelemetry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResultsTelemetry.class);
    private static final long RUN_RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int POINTS_PER_WINDOW = 6;

    private final ResultsClient client;
    private final boolean enabled;
    private final String experiment;
    private final Duration interval;
    private final String device;
    private final Map<String, ModelRun> runs = new ConcurrentHashMap<>();
    private final AtomicLong undelivered = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(2));
    private final Counter undeliveredCounter;
    private final Thread worker;
    private volatile boolean stopping;

    /** Sums of one model's requests since the last window, and its run. */
    private static final class ModelRun {
        final String modelName;
        final String modelType;
        final String systemName;
        long requests;
        double depthSum;
        double savedSum;
        double latencySum;
        double latencyMax;
        double rowsSum;
        // Written by the worker thread only; read by stats() and close().
        volatile UUID runId;
        volatile MetricBuffer buffer;
        long step;
        long retryAt;

        ModelRun(ForecastStatistics s) {
            modelName = s.modelName();
            modelType = s.modelType();
            systemName = s.systemName();
        }

        synchronized void add(ForecastStatistics s) {
            requests++;
            depthSum += s.meanDepth();
            savedSum += s.computeSaved();
            latencySum += s.latencyMs();
            latencyMax = Math.max(latencyMax, s.latencyMs());
            rowsSum += s.batchRows();
        }

        /** The window's means, and a fresh window; null when no request came. */
        synchronized double[] drain() {
            if (requests == 0) {
                return null;
            }
            double n = requests;
            double[] w = {n, depthSum / n, savedSum / n, latencySum / n, latencyMax, rowsSum / n};
            requests = 0;
            depthSum = savedSum = latencySum = latencyMax = rowsSum = 0;
            return w;
        }
    }

    /**
     * @param enabled false keeps statistics local: {@link #offer} then does nothing
     * @param interval how often each model's figures are sent
     */
    public ResultsTelemetry(
            ResultsClient client,
            boolean enabled,
            String experiment,
            Duration interval,
            String device,
            MeterRegistry registry) {
        this.client = client;
        this.enabled = enabled;
        this.experiment = experiment;
        this.interval = interval;
        this.device = device;
        this.undeliveredCounter = Counter.builder("chaoscast.inference.telemetry.undelivered")
                .description("forecast statistics points that could not be sent to results-service")
                .register(registry);
        this.worker = new Thread(this::loop, "results-telemetry");
        this.worker.setDaemon(true);
        if (enabled) {
            this.worker.start();
        }
    }

    /** Adds one answered request to its model's current window; never blocks on I/O. */
    public void offer(ForecastStatistics s) {
        if (!enabled || stopping) {
            return;
        }
        runs.computeIfAbsent(s.modelId(), k -> new ModelRun(s)).add(s);
    }

    /** Points delivered, not delivered and still pending, and the runs opened. */
    public Map<String, Object> stats() {
        long delivered = 0;
        long pending = 0;
        int opened = 0;
        for (ModelRun r : runs.values()) {
            MetricBuffer b = r.buffer;
            if (b != null) {
                MetricBuffer.Stats st = b.stats();
                delivered += st.delivered();
                pending += st.pending();
                opened++;
            }
        }
        return Map.of(
                "enabled", enabled,
                "delivered", delivered,
                "undelivered", undelivered.get(),
                "pending", pending,
                "runs", opened,
                "intervalMs", interval.toMillis());
    }

    public long undelivered() {
        return undelivered.get();
    }

    private void loop() {
        while (!stopping) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                if (stopping) {
                    break;
                }
            }
            sendWindows();
        }
        sendWindows();
    }

    private void sendWindows() {
        for (Map.Entry<String, ModelRun> e : runs.entrySet()) {
            double[] w = e.getValue().drain();
            if (w != null) {
                try {
                    send(e.getKey(), e.getValue(), w);
                } catch (RuntimeException ex) {
                    lost(POINTS_PER_WINDOW, "sending statistics failed", ex);
                }
            }
        }
    }

    private void send(String modelId, ModelRun run, double[] w) {
        if (run.buffer == null) {
            if (System.nanoTime() < run.retryAt) {
                lost(POINTS_PER_WINDOW, "no inference run could be opened for model " + modelId, null);
                return;
            }
            try {
                UUID id = client.createRun(new CreateRunRequest(
                                experiment,
                                "inference " + run.modelName + " on " + host(),
                                RunKind.INFERENCE,
                                run.systemName,
                                null,
                                run.modelType,
                                null,
                                Map.of("modelId", modelId, "device", device, "intervalMs", "" + interval.toMillis()),
                                Map.of("service", "inference-service", "host", host()),
                                Provenance.ofCurrentJvm(null, null, null, null)))
                        .id();
                run.runId = id;
                run.buffer = client.metricBuffer(
                        id,
                        new MetricBuffer.Options(10_000, 1_000, Duration.ofMillis(50), Duration.ofSeconds(5)),
                        (points, reason, cause) ->
                                lost(points.size(), "results-service did not take them (" + reason + ")", cause));
            } catch (RuntimeException e) {
                run.retryAt = System.nanoTime() + RUN_RETRY_NANOS;
                lost(POINTS_PER_WINDOW, "could not open an inference run for model " + modelId, e);
                return;
            }
        }
        long step = run.step++;
        // Rejected points are reported through the buffer's listener.
        run.buffer.log("requests", step, w[0]);
        run.buffer.log("mean_depth", step, w[1]);
        run.buffer.log("compute_saved", step, w[2]);
        run.buffer.log("latency_ms", step, w[3]);
        run.buffer.log("latency_ms_max", step, w[4]);
        run.buffer.log("batch_rows", step, w[5]);
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

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    /** Sends the last window, closes the buffers (they flush) and finishes the runs. */
    @Override
    public void close() {
        stopping = true;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ModelRun> all = new ArrayList<>(runs.values());
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
