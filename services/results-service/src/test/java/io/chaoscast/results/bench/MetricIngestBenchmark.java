package io.chaoscast.results.bench;

import io.chaoscast.testsupport.TestTokens;

import io.chaoscast.contracts.results.CreateRunRequest;
import io.chaoscast.contracts.results.MetricHistoryResponse;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.embeddeddb.EmbeddedDatabase;
import io.chaoscast.results.ResultsServiceApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Metric ingest and read-back through REST, end to end: the service on an embedded PostgreSQL,
 * JSON over HTTP on localhost, batches stored with COPY. Prints points per second for batches of
 * 10 000 and 100 000 points and the time to read a 100 000-point history back.
 *
 * <p>Run: {@code mvn -B -q -pl services/results-service -am -Pbench -DskipTests verify}
 */
public final class MetricIngestBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private MetricIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(0, null);
                ConfigurableApplicationContext app = new SpringApplicationBuilder(ResultsServiceApplication.class)
                        // command-line arguments outrank application.yml
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + db.jdbcUrl(EmbeddedDatabase.DATABASE),
                                "--logging.level.root=WARN",
                                "--logging.level.io.chaoscast.results.metrics=" + System.getProperty("bench.log", "WARN"),
                                "--spring.main.banner-mode=off")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            URI base = URI.create("http://localhost:" + port);
            ResultsClient client = ResultsClient.builder(base).optToken(TestTokens.ADMIN).build();
            String pg = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("SELECT current_setting('server_version') || ', collation ' || current_setting('lc_collate')",
                            String.class);
            System.out.printf(Locale.ROOT, "results-service metric benchmark (JDK %s, %d CPUs, load average %.1f, PostgreSQL %s)%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), pg);

            RunResponse warm = client.createRun(CreateRunRequest.training("bench", "lorenz", "d", "mlp"));
            ingest(base, warm.id(), 10_000, 20, "warm-up");
            ingest(base, warm.id(), 100_000, 3, "warm-up");

            RunResponse run10k = client.createRun(CreateRunRequest.training("bench", "lorenz", "d", "mlp"));
            ingest(base, run10k.id(), 10_000, 50, "batches of 10 000");
            RunResponse run100k = client.createRun(CreateRunRequest.training("bench", "lorenz", "d", "mlp"));
            ingest(base, run100k.id(), 100_000, 10, "batches of 100 000");
            // The same steps again (a redo after a crash): the slower merge path that replaces them.
            ingest(base, run100k.id(), 100_000, 3, "re-sent steps 100 000");

            RunResponse history = client.createRun(CreateRunRequest.training("bench", "lorenz", "d", "mlp"));
            post(base, history.id(), body(0, 100_000, "val_loss"));
            readBack(base, client, history.id());
        }
    }

    /** Posts {@code batches} batches of {@code size} points (bodies built beforehand) and prints points/s. */
    private static void ingest(URI base, UUID runId, int size, int batches, String label) throws Exception {
        byte[][] bodies = new byte[batches][];
        for (int b = 0; b < batches; b++) {
            bodies[b] = body((long) b * size, size, "loss");
        }
        long[] nanos = new long[batches];
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            long t = System.nanoTime();
            post(base, runId, bodies[b]);
            nanos[b] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT,
                "ingest %-20s %3d x %,7d points: %,10.0f points/s overall, median batch %,7.1f ms (%,.0f points/s), %,.1f MB JSON per batch%n",
                label, batches, size, (double) size * batches / seconds, nanos[batches / 2] / 1e6,
                size / (nanos[batches / 2] / 1e9), bodies[0].length / 1e6);
    }

    private static void readBack(URI base, ResultsClient client, UUID runId) throws Exception {
        URI uri = URI.create(base + "/api/v1/runs/" + runId + "/metrics/val_loss?page=0&size=100000");
        long[] raw = new long[7];
        long[] typed = new long[7];
        int bytes = 0;
        for (int i = 0; i < raw.length; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = HTTP.send(TestTokens.request(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            raw[i] = System.nanoTime() - t;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("history answered " + r.statusCode());
            }
            bytes = r.body().length;
            t = System.nanoTime();
            MetricHistoryResponse h = client.metricHistory(runId, "val_loss", 0, 100_000);
            typed[i] = System.nanoTime() - t;
            if (h.points().size() != 100_000) {
                throw new IllegalStateException("history has " + h.points().size() + " points");
            }
        }
        Arrays.sort(raw);
        Arrays.sort(typed);
        System.out.printf(Locale.ROOT,
                "read 100 000-point history: median %,.0f ms (best %,.0f ms) as %,.1f MB JSON; "
                        + "with the typed client's parsing median %,.0f ms (best %,.0f ms)%n",
                raw[raw.length / 2] / 1e6, raw[0] / 1e6, bytes / 1e6, typed[typed.length / 2] / 1e6, typed[0] / 1e6);
    }

    private static void post(URI base, UUID runId, byte[] body) throws Exception {
        HttpResponse<String> r = HTTP.send(TestTokens.request(URI.create(base + "/api/v1/runs/" + runId + "/metrics"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static byte[] body(long firstStep, int size, String key) {
        StringBuilder sb = new StringBuilder(size * 90).append('[');
        String ts = Instant.parse("2026-01-01T00:00:00Z").toString();
        for (int i = 0; i < size; i++) {
            long step = firstStep + i;
            sb.append(i == 0 ? "" : ",")
                    .append("{\"key\":\"").append(key).append("\",\"value\":").append(Math.exp(-step * 1e-6))
                    .append(",\"step\":").append(step).append(",\"timestamp\":\"").append(ts).append("\"}");
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
