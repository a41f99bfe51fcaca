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
