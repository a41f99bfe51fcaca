package io.chaoscast.dataset.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.contracts.datasets.DatasetRecipe;
import io.chaoscast.contracts.datasets.DatasetRequest;
import io.chaoscast.dataset.ApiTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A generation whose process died leaves a row {@code generating} with a stopped heartbeat. The
 * sweep (run at startup and then periodically) regenerates it, or fails it after too many tries.
 */
class ResumeAfterRestartTest extends ApiTest {

    @Autowired
    RecipeNormalizer normalizer;

    @Autowired
    GenerationJobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatasetRepository repository;

    private String orphan(DatasetRequest request, int attempts) {
        DatasetRecipe recipe = normalizer.normalize(request).recipe();
        String id = RecipeIds.id(recipe);
        GenerationPlan plan = normalizer.plan(recipe);
        repository.insertGenerating(
                id, recipe.system(), RecipeIds.canonicalJson(recipe), plan.trajectories(), plan.length(), plan.dimension(),
                plan.samplingInterval());
        // as the dead process left it: half done, heartbeat an hour old
        jdbc.sql("UPDATE datasets.dataset SET progress = 0.5, attempts = :a, updated_at = now() - interval '1 hour' WHERE id = :id")
                .param("a", attempts)
                .param("id", id)
                .update();
        return id;
    }

    @Test
    void orphanedGenerationIsResumedAndEndsReady() throws Exception {
        String id = orphan(DatasetRequest.builder("Lorenz").length(3000).seed(4242).build(), 1);
        jobs.sweep(); // the periodic sweep may claim it first; either way it must end ready
        JsonNode state = json(get("/api/v1/datasets/" + id));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (state.path("status").asString().equals("generating") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            state = json(get("/api/v1/datasets/" + id));
        }
        assertThat(state.path("status").asString()).isEqualTo("ready");
        assertThat(repository.find(id).orElseThrow().attempts()).isEqualTo(2);
        // the resumed bytes are those of the same recipe generated fresh: compare with a twin whose id differs
        String twin = json(post("/api/v1/datasets", "{\"system\": \"Lorenz\", \"length\": 3000, \"seed\": 4242}")).path("id").asString();
        assertThat(twin).isEqualTo(id); // same recipe, same id: the POST found the resumed row
        assertThat(getBytes("/api/v1/datasets/" + id + "/data").statusCode()).isEqualTo(200);
    }

    @Test
    void generationInterruptedTooOftenFailsWithAReason() throws Exception {
        String id = orphan(DatasetRequest.builder("Lorenz").length(500).seed(4343).build(), 3);
        jobs.sweep();
        JsonNode state = json(get("/api/v1/datasets/" + id));
        assertThat(state.path("status").asString()).isEqualTo("failed");
        assertThat(state.path("failureReason").asString()).contains("interrupted", "3 attempts");

        // Posting the recipe again generates it anew.
        var again = post("/api/v1/datasets", "{\"system\": \"Lorenz\", \"length\": 500, \"seed\": 4343}");
        assertThat(again.statusCode()).isEqualTo(201);
        JsonNode regenerated = json(again);
        assertThat(regenerated.path("id").asString()).isEqualTo(id);
        assertThat(regenerated.path("status").asString()).isEqualTo("ready");
        assertThat(regenerated.path("failureReason").isMissingNode() || regenerated.path("failureReason").isNull()).isTrue();
        assertThat(repository.find(id).orElseThrow().attempts()).isEqualTo(1);
        assertThat(getBytes("/api/v1/datasets/" + id + "/data").statusCode()).isEqualTo(200);
    }

    @Autowired
    DatasetService service;

    /**
     * A small recipe is recorded 'generating' durably beside its integration and marked ready
     * without waiting for the disk: a database crash may lose that mark. The row is then a stale
     * generation like any other, and the sweep regenerates the same bytes.
     */
    @Test
    void aReadyMarkLostInADatabaseCrashIsRegeneratedToTheSameBytes() throws Exception {
        JsonNode created = json(post("/api/v1/datasets", "{\"system\": \"Lorenz\", \"length\": 800, \"seed\": 4545}"));
        String id = created.path("id").asString();
        String checksum = created.path("checksum").asString();
        assertThat(created.path("status").asString()).isEqualTo("ready");
        assertThat(checksum).hasSize(64);
        // the request is over: the generation left this instance's heartbeat
        assertThat(jobs.isRunning(id)).isFalse();

        // as a crash before the ready mark reached the disk leaves it: generating, no heartbeat
        jdbc.sql("UPDATE datasets.dataset SET status = 'generating', progress = 0, checksum = NULL, size_bytes = NULL,"
                        + " completed_at = NULL, updated_at = now() - interval '1 hour' WHERE id = :id")
                .param("id", id)
                .update();
        service.forget(id);
        assertThat(json(get("/api/v1/datasets/" + id)).path("status").asString()).isEqualTo("generating");
        jobs.sweep();
        JsonNode state = json(get("/api/v1/datasets/" + id));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (state.path("status").asString().equals("generating") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            state = json(get("/api/v1/datasets/" + id));
        }
        assertThat(state.path("status").asString()).isEqualTo("ready");
        assertThat(state.path("checksum").asString()).isEqualTo(checksum);
        assertThat(getBytes("/api/v1/datasets/" + id + "/data").statusCode()).isEqualTo(200);
    }

    /**
     * A small recipe whose generation a stop interrupted stays 'generating' (its heartbeat still
     * fresh): posting it again generates the same bytes and answers them ready at once, without
     * waiting for the sweep.
     */
    @Test
    void postingARecipeLeftGeneratingCompletesIt() throws Exception {
        String id = orphan(DatasetRequest.builder("Lorenz").length(700).seed(4646).build(), 1);
        jdbc.sql("UPDATE datasets.dataset SET updated_at = now() WHERE id = :id").param("id", id).update();
        var again = post("/api/v1/datasets", "{\"system\": \"Lorenz\", \"length\": 700, \"seed\": 4646}");
        assertThat(again.statusCode()).isIn(200, 201);
        JsonNode state = json(again);
        assertThat(state.path("id").asString()).isEqualTo(id);
        assertThat(state.path("status").asString()).isEqualTo("ready");
        assertThat(getBytes("/api/v1/datasets/" + id + "/data").statusCode()).isEqualTo(200);
    }

    @Test
    void aLiveGenerationIsNotTakenOver() {
        String id = orphan(DatasetRequest.builder("Lorenz").length(500).seed(4444).build(), 1);
        jdbc.sql("UPDATE datasets.dataset SET updated_at = now() WHERE id = :id").param("id", id).update();
        jobs.sweep();
        DatasetRow row = repository.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo("generating");
        assertThat(row.attempts()).isEqualTo(1);
    }
}
