package io.chaoscast.e2e;

import io.chaoscast.testsupport.TestTokens;

import io.chaoscast.contracts.datasets.DatasetClient;
import io.chaoscast.contracts.datasets.DatasetRequest;
import io.chaoscast.dataset.DatasetServiceApplication;
import io.chaoscast.inference.InferenceServiceApplication;
import io.chaoscast.results.ResultsServiceApplication;
import io.chaoscast.testsupport.RunningService;
import io.chaoscast.training.TrainingServiceApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform in this JVM: the four services on real ports against real PostgreSQL, and a
 * real small pipeline run through them (dataset, an early-exit and a linear training job, a
 * dynamic-exit forecast). Started once per test JVM.
 */
final class Platform {

    static final String EARLY_EXIT = "{\"datasetId\":\"%s\",\"experiment\":\"e2e\",\"model\":{\"type\":\"early-exit\","
            + "\"contextLength\":8,\"horizon\":4,\"width\":16,\"blocks\":3,\"uemHidden\":8,\"stride\":4},"
            + "\"training\":{\"epochs\":2,\"batchSize\":64,\"seed\":11}}";
    static final String LINEAR = "{\"datasetId\":\"%s\",\"experiment\":\"e2e\",\"model\":{\"type\":\"linear\"}}";

    private static Platform instance;

    final RunningService results;
    final RunningService datasets;
    final RunningService training;
    final RunningService inference;
    final String datasetId;
    JsonNode earlyExitJob;
    JsonNode linearJob;

    private final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectMapper json = JSON;

    static synchronized Platform get() throws Exception {
        if (instance == null) {
            instance = new Platform();
        }
        return instance;
    }

    private Platform() throws Exception {
        // results-service needs the others' addresses for its gateway, and they need its: pick
        // every port first.
        int rp = freePort();
        int dp = freePort();
        int tp = freePort();
        int ip = freePort();
        datasets = RunningService.start(DatasetServiceApplication.class, "datasets", Map.of(
                "server.port", dp,
                "chaoscast.datasets.directory", Files.createTempDirectory("e2e-datasets").toString()));
        results = RunningService.start(ResultsServiceApplication.class, "results", Map.of(
                "server.port", rp,
                "chaoscast.services.dataset-url", "http://localhost:" + dp,
                "chaoscast.services.training-url", "http://localhost:" + tp,
                "chaoscast.services.inference-url", "http://localhost:" + ip));
        training = RunningService.start(TrainingServiceApplication.class, "training", Map.of(
                "server.port", tp,
                "chaoscast.services.results-url", "http://localhost:" + rp,
                "chaoscast.services.dataset-url", "http://localhost:" + dp,
                "chaoscast.training.workers", 1,
                "chaoscast.training.poll-interval", "100ms"));
        inference = RunningService.start(InferenceServiceApplication.class, null, Map.of(
                "server.port", ip,
                "chaoscast.services.results-url", "http://localhost:" + rp,
                "chaoscast.inference.device", "cpu",
                // Stateless: the other services' JDBC and Flyway share this classpath, not its config.
                "spring.autoconfigure.exclude",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"));

        // Two short Lorenz trajectories, 20 periods each at 50 points per period.
        datasetId = new DatasetClient(datasets.baseUri()).withToken(TestTokens.ADMIN).createAndAwait(
                        DatasetRequest.builder("Lorenz").trajectories(2).length(1000).pointsPerPeriod(50.0).seed(7L)
                                .split(0.6, 0.2, 0.2).build(),
                        Duration.ofMinutes(2))
                .id();
        String ee = submit(EARLY_EXIT.formatted(datasetId));
        String lin = submit(LINEAR.formatted(datasetId));
        earlyExitJob = awaitFinal(ee);
        linearJob = awaitFinal(lin);
        for (JsonNode job : new JsonNode[] {earlyExitJob, linearJob}) {
            if (!job.get("status").asText().equals("succeeded")) {
                throw new IllegalStateException("seed training job failed: " + job);
            }
        }
        // One dynamic-exit forecast, so inference telemetry is in results-service too.
        double[][][] test = new DatasetClient(datasets.baseUri()).withToken(TestTokens.ADMIN).split(datasetId, "test");
        StringBuilder ctx = new StringBuilder("[");
        for (int t = 0; t < 8; t++) {
            double[] s = test[0][t];
            ctx.append(t == 0 ? "" : ",").append("[").append(s[0]).append(',').append(s[1]).append(',').append(s[2]).append("]");
        }
        ctx.append("]");
        HttpResponse<String> f = send(inference.baseUri(), "POST",
                "/api/v1/models/" + earlyExitModelId() + "/forecast", "{\"context\":" + ctx + ",\"horizon\":40}");
        if (f.statusCode() != 200) {
            throw new IllegalStateException("seed forecast failed: " + f.statusCode() + " " + f.body());
        }
    }

    String earlyExitModelId() {
        return earlyExitJob.get("modelId").asText();
    }

    String linearModelId() {
        return linearJob.get("modelId").asText();
    }

    String earlyExitRunId() {
        return earlyExitJob.get("runId").asText();
    }

    String linearRunId() {
        return linearJob.get("runId").asText();
    }

    String submit(String body) throws Exception {
        HttpResponse<String> r = send(training.baseUri(), "POST", "/api/v1/training-jobs", body);
        if (r.statusCode() != 202) {
            throw new IllegalStateException("job refused: " + r.statusCode() + " " + r.body());
        }
        return json.readTree(r.body()).get("id").asText();
    }

    JsonNode awaitFinal(String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = json.readTree(send(training.baseUri(), "GET", "/api/v1/training-jobs/" + jobId, null).body());
            String status = job.get("status").asText();
            if (status.equals("succeeded") || status.equals("failed") || status.equals("cancelled")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("job " + jobId + " did not finish in 3 minutes");
    }

    HttpResponse<String> send(URI base, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = TestTokens.request(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
