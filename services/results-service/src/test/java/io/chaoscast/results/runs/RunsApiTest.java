package io.chaoscast.results.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaoscast.contracts.results.CreateRunRequest;
import io.chaoscast.contracts.results.ListRunsRequest;
import io.chaoscast.contracts.results.MetricPointRequest;
import io.chaoscast.contracts.results.PageResponse;
import io.chaoscast.contracts.results.Provenance;
import io.chaoscast.contracts.results.ResultsApiException;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunKind;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.contracts.results.RunStatus;
import io.chaoscast.contracts.results.SortOrder;
import io.chaoscast.contracts.results.UpdateRunRequest;
import io.chaoscast.results.ResultsServiceTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RunsApiTest extends ResultsServiceTest {

    @Test
    void createdRunIsReadBackWithParamsTagsProvenanceAndLatestMetrics() {
        ResultsClient client = client();
        Provenance provenance = Provenance.ofCurrentJvm("abc123", "f".repeat(64), 42L, "PyTorch 2.7.1");
        RunResponse created = client.createRun(new CreateRunRequest(
                unique("exp"), "lorenz-mlp", RunKind.TRAINING, "lorenz", "ds-7", "mlp", null,
                Map.of("lr", "0.001", "epochs", "20"), Map.of("stage", "smoke"), provenance));

        assertThat(created.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(created.name()).isEqualTo("lorenz-mlp");
        client.logMetrics(created.id(), List.of(
                new MetricPointRequest("loss", 0.9, 0, null),
                new MetricPointRequest("loss", 0.5, 1, null),
                new MetricPointRequest("loss", 0.7, 0, null)));

        RunResponse read = client.getRun(created.id());
        assertThat(read.params()).containsExactlyInAnyOrderEntriesOf(Map.of("lr", "0.001", "epochs", "20"));
        assertThat(read.tags()).containsEntry("stage", "smoke");
        assertThat(read.provenance()).isEqualTo(provenance);
        assertThat(read.metrics().get("loss").value()).isEqualTo(0.5);
        assertThat(read.metrics().get("loss").step()).isEqualTo(1);
        assertThat(read.startTime()).isEqualTo(created.startTime());
        assertThat(read.experimentName()).isEqualTo(created.experimentName());
    }

    @Test
    void postRunAnswers201WithLocation() {
        HttpResponse<String> r = post("/api/v1/runs", "{\"experiment\":\"" + unique("e") + "\",\"kind\":\"benchmark\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode run = body(r);
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/runs/" + run.path("id").asString());
        assertThat(run.path("kind").asString()).isEqualTo("benchmark");
        assertThat(run.path("name").asString()).startsWith("benchmark-");
    }

    @Test
    void retriedCreateWithSameIdempotencyKeyMakesOneRun() throws Exception {
        String experiment = unique("idem");
        String body = "{\"experiment\":\"" + experiment + "\",\"kind\":\"training\"}";
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<HttpResponse<String>> call = () -> post("/api/v1/runs", body, "Idempotency-Key", key);
                answers.add(pool.submit(call));
            }
            List<String> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> a : answers) {
                assertThat(a.get().statusCode()).isEqualTo(201);
                ids.add(body(a.get()).path("id").asString());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdown();
        }
        assertThat(client().listRuns(new ListRunsRequest(experiment, null, null, null, null, null, null, null, null, null))
                .totalItems()).isEqualTo(1);
        HttpResponse<String> other = post("/api/v1/runs", "{\"experiment\":\"" + experiment + "\",\"kind\":\"evaluation\"}",
                "Idempotency-Key", key);
        assertProblem(other, 422, "Idempotency-Key");
    }

    @Test
    void finishedRunIsFinalButRepeatingItsStatusIsHarmless() {
        ResultsClient client = client();
        RunResponse run = newRun(unique("e"));
        RunResponse finished = client.finishRun(run.id());
        assertThat(finished.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(finished.endTime()).isNotNull();

        assertThat(client.finishRun(run.id()).endTime()).isEqualTo(finished.endTime());
        assertThatThrownBy(() -> client.failRun(run.id(), "late"))
                .isInstanceOfSatisfying(ResultsApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        HttpResponse<String> r = send("PATCH", "/api/v1/runs/" + run.id(), "{\"status\":\"running\"}");
        assertProblem(r, 409, "status");
    }

    @Test
    void failedRunKeepsItsReason() {
        RunResponse run = newRun(unique("e"));
        RunResponse failed = client().failRun(run.id(), "diverged at epoch 3");
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(client().getRun(run.id()).failureReason()).isEqualTo("diverged at epoch 3");
    }

    @Test
    void patchRefusesBadFields() {
        RunResponse run = newRun(unique("e"));
        String path = "/api/v1/runs/" + run.id();
        assertProblem(send("PATCH", path, "{\"status\":\"finished\",\"failureReason\":\"x\"}"), 400, "failureReason");
        assertProblem(send("PATCH", path, "{\"status\":\"done\"}"), 400, "status");
        assertProblem(send("PATCH", path, "{\"status\":\"finished\",\"endTime\":\"2001-01-01T00:00:00Z\"}"), 400, "endTime");
        assertProblem(send("PATCH", path, "{\"endTime\":\"yesterday\"}"), 400, "endTime");
        var end = assertProblem(send("PATCH", path, "{\"status\":\"finished\",\"endTime\":\"+294277-01-01T00:00:00Z\"}"), 400, "endTime");
        assertThat(end.path("detail").asString()).contains("between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z");
        assertProblem(send("PATCH", path, "{\"status\":\"failed\",\"failureReason\":\"oom\\u0000\"}"), 400, "failureReason");
        assertProblem(send("PATCH", path, "{\"status\":"), 400, null);
        var unknown = assertProblem(send("PATCH", path, "{\"status\":\"finished\",\"bogus\":1}"), 400, "bogus");
        assertThat(unknown.path("detail").asString()).contains("[endTime, failureReason, status]");
        assertProblem(send("PATCH", "/api/v1/runs/" + UUID.randomUUID(), "{\"status\":\"finished\"}"), 404, null);
        assertThat(client().getRun(run.id()).status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void createRefusesBadFieldsWithoutWriting() {
        String experiment = unique("bad");
        assertProblem(post("/api/v1/runs", "{\"kind\":\"training\"}"), 400, "experiment");
        assertProblem(post("/api/v1/runs", "{\"experiment\":\"" + experiment + "\"}"), 400, "kind");
        assertProblem(post("/api/v1/runs", "{\"experiment\":\"" + experiment + "\",\"kind\":\"sleeping\"}"), 400, "kind");
        assertProblem(post("/api/v1/runs", "{\"experiment\":\"" + experiment + "\",\"kind\":\"training\",\"params\":{\"k\":[1]}}"),
                400, "params.k");
        assertProblem(post("/api/v1/runs", "{\"experiment\":\"" + experiment + "\",\"kind\":\"training\",\"tags\":{\""
                + "k".repeat(251) + "\":\"v\"}}"), 400, "tags key");
        assertProblem(post("/api/v1/runs", "{\"experiment\":\"" + experiment + "\",\"kind\":\"training\",\"name\":\""
                + "n".repeat(251) + "\"}"), 400, "name");
        assertProblem(post("/api/v1/runs", "{\"experiment\":\"" + experiment + "\",\"kind\":\"training\",\"startTime\":\"noon\"}"),
                400, "startTime");
        assertProblem(post("/api/v1/runs", "{\"experiment\":\"" + experiment + "\",\"kind\":\"training\",\"bogus\":1}"),
                400, "bogus");
        var provenance = assertProblem(post("/api/v1/runs", "{\"experiment\":\"" + experiment + "\",\"kind\":\"training\","
                + "\"provenance\":{\"seed\":1,\"bogus\":1}}"), 400, "provenance.bogus");
        assertThat(provenance.path("detail").asString()).contains("codeVersion").contains("engine");
        var seed = assertProblem(post("/api/v1/runs", "{\"experiment\":\"" + experiment + "\",\"kind\":\"training\","
                + "\"provenance\":{\"seed\":1.5}}"), 400, "provenance.seed");
        assertThat(seed.path("detail").asString()).contains("must be a whole number");
        var start = assertProblem(post("/api/v1/runs", "{\"experiment\":\"" + experiment + "\",\"kind\":\"training\","
                + "\"startTime\":\"+294277-01-01T00:00:00Z\"}"), 400, "startTime");
        assertThat(start.path("detail").asString()).contains("between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z")
                .doesNotContain("SQLState");
        assertProblem(post("/api/v1/runs", "{\"experiment\":\"" + experiment + "\",\"kind\":\"training\","
                + "\"startTime\":\"1969-12-31T23:59:59Z\"}"), 400, "startTime");
        assertProblem(post("/api/v1/runs", "{\"experiment\": "), 400, null);
        assertProblem(post("/api/v1/runs", "null"), 400, null);
        assertProblem(post("/api/v1/runs", "[]"), 400, null);
        assertProblem(post("/api/v1/runs", "{\"experiment\":\"" + experiment + "\",\"kind\":\"training\"}",
                "Idempotency-Key", "key with spaces"), 400, "Idempotency-Key");
        assertThat(client().listExperiments()).noneMatch(e -> e.name().equals(experiment));
    }

    /** Bodies refuse unknown fields; what the service stored itself stays readable after a record loses a field. */
    @Test
    void storedProvenanceWithAFieldNoLongerKnownIsStillRead() {
        RunResponse run = client().createRun(new CreateRunRequest(unique("e"), null, RunKind.TRAINING, "lorenz", "ds-1", "mlp",
                null, Map.of(), Map.of(), new Provenance("abc", null, 7L, null, null, null)));
        jdbc.update("UPDATE results.runs SET provenance = provenance || '{\"retired\": 1}'::jsonb WHERE id = ?", run.id());
        assertThat(client().getRun(run.id()).provenance().seed()).isEqualTo(7L);
    }

    @Test
    void unknownOrMalformedRunIdIsRefused() {
        assertProblem(get("/api/v1/runs/" + UUID.randomUUID()), 404, null);
        assertProblem(get("/api/v1/runs/not-a-uuid"), 400, "id");
    }

    @Test
    void listFiltersByEveryFieldAndTag() {
        ResultsClient client = client();
        String experiment = unique("list");
        RunResponse a = client.createRun(new CreateRunRequest(experiment, "a", RunKind.TRAINING, "lorenz", "d", "mlp",
                null, Map.of(), Map.of("team", "red"), null));
        RunResponse b = client.createRun(new CreateRunRequest(experiment, "b", RunKind.EVALUATION, "henon", "d", "esn",
                null, Map.of(), Map.of("team", "blue"), null));
        RunResponse c = client.createRun(new CreateRunRequest(experiment, "c", RunKind.TRAINING, "lorenz", "d", "esn",
                null, Map.of(), Map.of(), null));
        client.finishRun(c.id());

        assertThat(names(client.listRuns(query(experiment, null, null, null, null, null)))).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(names(client.listRuns(query(experiment, RunKind.TRAINING, null, null, null, null)))).containsExactlyInAnyOrder("a", "c");
        assertThat(names(client.listRuns(query(experiment, null, RunStatus.FINISHED, null, null, null)))).containsExactly("c");
        assertThat(names(client.listRuns(query(experiment, null, null, "henon", null, null)))).containsExactly("b");
        assertThat(names(client.listRuns(query(experiment, null, null, null, "esn", null)))).containsExactlyInAnyOrder("b", "c");
        assertThat(names(client.listRuns(query(experiment, null, null, null, null, Map.of("team", "red"))))).containsExactly("a");
        assertThat(names(body(get("/api/v1/runs?experiment=" + experiment + "&tag=team")))).containsExactlyInAnyOrder("a", "b");
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void listSortsByAnyMetricAndPages() {
        ResultsClient client = client();
        String experiment = unique("sort");
        double[] losses = {0.3, 0.1, 0.2};
        for (int i = 0; i < losses.length; i++) {
            RunResponse run = client.createRun(new CreateRunRequest(experiment, "r" + i, RunKind.TRAINING, "lorenz", null,
                    "mlp", null, Map.of(), Map.of(), null));
            client.logMetrics(run.id(), List.of(new MetricPointRequest("val_loss", losses[i], 5, Instant.now())));
        }
        client.createRun(new CreateRunRequest(experiment, "none", RunKind.TRAINING, "lorenz", null, "mlp", null, Map.of(),
                Map.of(), null));

        PageResponse<RunResponse> asc = client.listRuns(new ListRunsRequest(experiment, null, null, null, null, null,
                "val_loss", SortOrder.ASC, 0, 10));
        assertThat(names(asc)).containsExactly("r1", "r2", "r0", "none");
        PageResponse<RunResponse> desc = client.listRuns(new ListRunsRequest(experiment, null, null, null, null, null,
                "val_loss", SortOrder.DESC, 0, 10));
        assertThat(names(desc)).containsExactly("r0", "r2", "r1", "none");
        PageResponse<RunResponse> page1 = client.listRuns(new ListRunsRequest(experiment, null, null, null, null, null,
                "val_loss", SortOrder.ASC, 1, 2));
        assertThat(names(page1)).containsExactly("r0", "none");
        assertThat(page1.totalItems()).isEqualTo(4);
        assertThat(page1.items().get(0).metrics().get("val_loss").value()).isEqualTo(0.3);
    }

    @Test
    void listRefusesBadQueries() {
        assertProblem(get("/api/v1/runs?kind=nap"), 400, "kind");
        assertProblem(get("/api/v1/runs?status=paused"), 400, "status");
        assertProblem(get("/api/v1/runs?sortMetric=loss&order=up"), 400, "order");
        assertProblem(get("/api/v1/runs?order=asc"), 400, "order");
        assertProblem(get("/api/v1/runs?size=0"), 400, "size");
        assertProblem(get("/api/v1/runs?size=501"), 400, "size");
        assertProblem(get("/api/v1/runs?page=-1"), 400, "page");
        assertProblem(get("/api/v1/runs?page=x"), 400, "page");
        assertProblem(get("/api/v1/runs?tag=%3Dv"), 400, "tag");
        // A NUL in any query parameter, named before it reaches the database.
        for (String name : new String[] {"experiment", "system", "modelType", "tag", "sortMetric"}) {
            var p = assertProblem(get("/api/v1/runs?size=5&" + name + "=a%00b"), 400, name);
            assertThat(p.path("detail").asString()).contains("NUL character").doesNotContain("SQLState");
        }
        assertProblem(get("/api/v1/leaderboard?system=%00&metric=loss"), 400, "system");
    }

    private static ListRunsRequest query(
            String experiment, RunKind kind, RunStatus status, String system, String modelType, Map<String, String> tags) {
        return new ListRunsRequest(experiment, kind, status, system, modelType, tags, null, null, null, null);
    }

    private static List<String> names(PageResponse<RunResponse> page) {
        return page.items().stream().map(RunResponse::name).toList();
    }

    private static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(n -> out.add(n.path("name").asString()));
        return out;
    }

    @Test
    void updateRunAcceptsEndTimeAndCancel() {
        RunResponse run = newRun(unique("e"));
        Instant end = run.startTime().plusSeconds(60);
        RunResponse cancelled = client().updateRun(run.id(), new UpdateRunRequest(RunStatus.CANCELLED, null, end));
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.endTime()).isEqualTo(end);
    }
}
