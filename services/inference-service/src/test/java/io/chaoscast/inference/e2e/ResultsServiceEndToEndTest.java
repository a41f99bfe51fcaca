package io.chaoscast.inference.e2e;

import io.chaoscast.testsupport.AccessCheck;
import io.chaoscast.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.contracts.results.CreateRunRequest;
import io.chaoscast.contracts.results.LatestMetricResponse;
import io.chaoscast.contracts.results.ListRunsRequest;
import io.chaoscast.contracts.results.RegisterModelRequest;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunKind;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.inference.InferenceServiceApplication;
import io.chaoscast.inference.support.Http;
import io.chaoscast.inference.support.Http.Reply;
import io.chaoscast.inference.support.TinyModels;
import io.chaoscast.results.ResultsServiceApplication;
import io.chaoscast.testsupport.RunningService;
import io.chaoscast.testsupport.TestDatabaseServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path with the real results-service on a real PostgreSQL (both services started in this
 * JVM by {@link RunningService}): a model is registered
 * (run, artifact upload, registry entry), inference-service fetches it over HTTP, checks its
 * SHA-256, serves forecasts, and sends its statistics back as an {@code inference} run.
 */
class ResultsServiceEndToEndTest {

    private static RunningService results;
    private static RunningService inference;
    private static ResultsClient client;
    private static String databaseUrl;
    private static Http http;
    private static UUID model;
    private static UUID tampered;

    @BeforeAll
    static void start() {
        results = RunningService.start(ResultsServiceApplication.class, "results", Map.of());
        databaseUrl = results.context().getEnvironment().getRequiredProperty("spring.datasource.url");
        client = ResultsClient.builder(results.baseUri()).optToken(TestTokens.ADMIN).build();
        model = register("tiny-ee");
        tampered = register("tampered-ee");
        inference = RunningService.start(
                InferenceServiceApplication.class,
                null,
                Map.of(
                        "chaoscast.services.results-url", results.baseUri().toString(),
                        "chaoscast.inference.device", "cpu",
                        // results-service puts JDBC and Flyway on this classpath; inference is stateless.
                        "spring.autoconfigure.exclude",
                        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"));
        http = new Http(inference.baseUri().getPort());
    }

    @Test
    void tokensMadeAtResultsServiceWorkHereThroughIntrospectionAndEveryWriteIsGuarded() {
        String read = AccessCheck.createToken(results.baseUri(), "inference-reader", "read");
        String write = AccessCheck.createToken(results.baseUri(), "inference-writer", "write");
        var ops = AccessCheck.assertGuarded(inference.baseUri(), read, write);
        assertThat(ops).extracting(Object::toString).contains("POST /api/v1/models/00000000-0000-0000-0000-000000000000/forecast");
        var models = AccessCheck.send(java.net.http.HttpRequest.newBuilder(inference.baseUri().resolve("/api/v1/models")).GET(), read);
        assertThat(models.statusCode()).as(models.body()).isEqualTo(200);
    }

    private static UUID register(String name) {
        RunResponse run = client.createRun(CreateRunRequest.training("e2e", "lorenz", null, "early-exit"));
        client.uploadArtifact(run.id(), "model.zip", TinyModels.get().earlyExit, "application/zip");
        client.finishRun(run.id());
        return client.registerModel(new RegisterModelRequest(
                        name, run.id(), "model.zip", Http.JSON.createObjectNode().put("type", "early-exit")))
                .id();
    }

    @AfterAll
    static void stop() {
        if (inference != null) {
            inference.close();
        }
        if (results != null) {
            results.close();
        }
    }

    @Test
    void registeredModelIsFetchedCheckedAndServed() {
        Reply r = http.post(
                "/api/v1/models/" + model + "/forecast",
                Map.of("context", TinyModels.get().contexts(1, 8)[0], "horizon", 8, "exit", Map.of("policy", "full")));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("forecast")).hasSize(8);
        assertThat(r.body().get("exitDepths")).hasSize(2);
        assertThat(r.body().get("device").asString()).isEqualTo("cpu");
        Reply detail = http.get("/api/v1/models/" + model);
        assertThat(detail.body().get("artifactSha256").asString())
                .isEqualTo(io.chaoscast.inference.support.RegistryServer.sha256(TinyModels.get().earlyExit));
        assertThat(detail.body().get("calibration").get("points").size()).isPositive();
        assertThat(http.get("/api/v1/models").body().get("registered"))
                .anySatisfy(m -> assertThat(m.get("id").asString()).isEqualTo(model.toString()));
    }

    @Test
    void statisticsArriveAsAnInferenceRun() throws Exception {
        http.post(
                "/api/v1/models/" + model + "/forecast",
                Map.of("context", TinyModels.get().contexts(1, 8)[0], "horizon", 4));
        long deadline = System.currentTimeMillis() + 20_000;
        List<LatestMetricResponse> metrics = List.of();
        while (System.currentTimeMillis() < deadline) {
            var runs = client.listRuns(new ListRunsRequest(
                            null, RunKind.INFERENCE, null, null, null, null, null, null, null, null))
                    .items();
            if (!runs.isEmpty()) {
                metrics = client.latestMetrics(runs.get(0).id());
                if (metrics.stream().anyMatch(m -> m.key().equals("mean_depth"))) {
                    break;
                }
            }
            Thread.sleep(200);
        }
        assertThat(metrics).extracting(LatestMetricResponse::key).contains("mean_depth", "compute_saved", "latency_ms");
    }

    @Test
    void artifactWhoseStoredShaNoLongerMatchesIsRefused() throws Exception {
        TestDatabaseServer db = TestDatabaseServer.get();
        try (Connection c = DriverManager.getConnection(databaseUrl, db.username(), db.password());
                PreparedStatement s = c.prepareStatement("UPDATE results.artifacts SET sha256 = ? WHERE run_id ="
                        + " (SELECT run_id FROM results.models WHERE id = ?)")) {
            s.setString(1, "0".repeat(64));
            s.setObject(2, tampered);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        Reply r = http.post(
                "/api/v1/models/" + tampered + "/forecast",
                Map.of("context", TinyModels.get().contexts(1, 8)[0], "horizon", 4));
        assertThat(r.status()).as(r.text()).isEqualTo(502);
        assertThat(r.body().get("code").asString()).isEqualTo("artifact-integrity");
    }

    @Test
    void unknownModelIs404FromTheRealRegistry() {
        Reply r = http.post(
                "/api/v1/models/" + UUID.randomUUID() + "/forecast",
                Map.of("context", TinyModels.get().contexts(1, 8)[0], "horizon", 4));
        assertThat(r.status()).as(r.text()).isEqualTo(404);
    }
}
