package io.chaoscast.results.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.contracts.results.ModelResponse;
import io.chaoscast.contracts.results.PageResponse;
import io.chaoscast.contracts.results.RegisterModelRequest;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.results.ResultsServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ModelsApiTest extends ResultsServiceTest {

    private ObjectNode spec() {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("architecture", "early-exit-mlp");
        spec.put("contextLength", 16);
        spec.put("dimension", 3);
        spec.putArray("hidden").add(64).add(64);
        return spec;
    }

    private RunResponse runWithArtifact(String artifact) {
        RunResponse run = newRun(unique("models"));
        client().uploadArtifact(run.id(), artifact, new byte[] {1, 2, 3}, null);
        return run;
    }

    @Test
    void registeredModelCarriesSpecArtifactAndIncreasingVersions() {
        ResultsClient client = client();
        String name = unique("lorenz-mlp");
        RunResponse run = runWithArtifact("model.params");
        ModelResponse v1 = client.registerModel(new RegisterModelRequest(name, run.id(), "model.params", spec()));
        ModelResponse v2 = client.registerModel(new RegisterModelRequest(name, run.id(), "model.params", spec()));
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v1.spec()).isEqualTo(spec());
        assertThat(v1.artifactSizeBytes()).isEqualTo(3);
        assertThat(v1.systemName()).isEqualTo("lorenz");
        assertThat(v1.modelType()).isEqualTo("mlp");
        assertThat(v1.artifactPath()).isEqualTo("/api/v1/runs/" + run.id() + "/artifacts/model.params");

        ModelResponse got = client.getModel(v1.id());
        assertThat(got).isEqualTo(v1);
        PageResponse<ModelResponse> listed = client.listModels(name, 0, 10);
        assertThat(listed.items()).extracting(ModelResponse::version).containsExactlyInAnyOrder(1, 2);
        assertThat(listed.totalItems()).isEqualTo(2);
        assertThat(body(get("/api/v1/models")).path("totalItems").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void concurrentRegistrationsGetDistinctConsecutiveVersions() throws Exception {
        String name = unique("concurrent");
        RunResponse run = runWithArtifact("m.bin");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ModelResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> client().registerModel(new RegisterModelRequest(name, run.id(), "m.bin", spec()))));
            }
            List<Integer> versions = new ArrayList<>();
            for (Future<ModelResponse> f : futures) {
                versions.add(f.get().version());
            }
            assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void retriedRegistrationWithSameKeyMakesOneVersion() {
        String name = unique("idem");
        RunResponse run = runWithArtifact("m.bin");
        String body = "{\"name\":\"" + name + "\",\"runId\":\"" + run.id() + "\",\"artifactName\":\"m.bin\",\"spec\":{\"a\":1}}";
        String key = UUID.randomUUID().toString();
        JsonNode first = body(post("/api/v1/models", body, "Idempotency-Key", key));
        JsonNode again = body(post("/api/v1/models", body, "Idempotency-Key", key));
        assertThat(again.path("id")).isEqualTo(first.path("id"));
        assertThat(client().listModels(name, 0, 10).totalItems()).isEqualTo(1);
    }

    @Test
    void badRegistrationsAreRefused() {
        RunResponse run = runWithArtifact("m.bin");
        String ok = "\"runId\":\"" + run.id() + "\",\"artifactName\":\"m.bin\"";
        assertProblem(post("/api/v1/models", "{" + ok + ",\"spec\":{}}"), 400, "name");
        assertProblem(post("/api/v1/models", "{\"name\":\"a b\"," + ok + ",\"spec\":{}}"), 400, "name");
        assertProblem(post("/api/v1/models", "{\"name\":\"m\"," + ok + "}"), 400, "spec");
        assertProblem(post("/api/v1/models", "{\"name\":\"m\"," + ok + ",\"spec\":[1]}"), 400, "spec");
        String name = unique("bogus");
        var unknown = assertProblem(post("/api/v1/models", "{\"name\":\"" + name + "\"," + ok + ",\"spec\":{},\"bogus\":1}"),
                400, "bogus");
        assertThat(unknown.path("detail").asString()).contains("[artifactName, name, runId, spec]");
        assertThat(client().listModels(name, 0, 10).totalItems()).isZero();
        // jsonb cannot hold a NUL: the place in the spec is named, nothing is stored.
        var nul = assertProblem(post("/api/v1/models", "{\"name\":\"" + name + "\"," + ok
                + ",\"spec\":{\"layers\":[{\"act\":\"relu\"},{\"act\":\"re\\u0000lu\"}]}}"), 400, "spec.layers[1].act");
        assertThat(nul.path("detail").asString()).contains("NUL character");
        assertProblem(post("/api/v1/models", "{\"name\":\"" + name + "\"," + ok + ",\"spec\":{\"a\\u0000\":1}}"), 400, "spec");
        assertThat(client().listModels(name, 0, 10).totalItems()).isZero();
        // A backslash followed by u0000 is ordinary text.
        assertThat(post("/api/v1/models", "{\"name\":\"" + name + "\"," + ok + ",\"spec\":{\"note\":\"\\\\u0000\"}}").statusCode())
                .isEqualTo(201);
        assertThat(client().listModels(name, 0, 10).items().get(0).spec().path("note").asString()).isEqualTo("\\u0000");
        assertProblem(get("/api/v1/models?name=%00"), 400, "name");
        assertProblem(post("/api/v1/models", "{\"name\":\"m\",\"artifactName\":\"m.bin\",\"spec\":{}}"), 400, "runId");
        assertProblem(post("/api/v1/models", "{\"name\":\"m\",\"runId\":\"nope\",\"artifactName\":\"m.bin\",\"spec\":{}}"),
                400, "runId");
        assertProblem(post("/api/v1/models", "{\"name\":\"m\",\"runId\":\"" + run.id()
                + "\",\"artifactName\":\"other.bin\",\"spec\":{}}"), 404, "artifactName");
        assertProblem(post("/api/v1/models", "{\"name\":\"m\",\"runId\":\"" + UUID.randomUUID()
                + "\",\"artifactName\":\"m.bin\",\"spec\":{}}"), 404, "runId");
        assertProblem(get("/api/v1/models/" + UUID.randomUUID()), 404, null);
        assertProblem(get("/api/v1/models?size=0"), 400, "size");
    }
}
