package io.chaoscast.results.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.results.ResultsServiceTest;
import org.junit.jupiter.api.Test;

/** Bad benchmark requests are refused with a problem naming the field and range, and leave nothing behind. */
class BenchmarkValidationApiTest extends ResultsServiceTest {

    private static final String MODELS = "\"models\":[{\"type\":\"linear\"}]";
    private static final String SYSTEMS = "\"systems\":{\"names\":[\"Lorenz\"]}";

    private int benchmarks() {
        return jdbc.queryForObject("SELECT count(*) FROM results.benchmarks", Integer.class);
    }

    @Test
    void badRequestsNameTheFieldAndTheRange() {
        int before = benchmarks();
        assertProblem(post("/api/v1/benchmarks", "{" + MODELS + "}"), 400, "systems");
        assertProblem(post("/api/v1/benchmarks", "{\"systems\":{\"names\":[\"Lorenz\"],\"all\":true}," + MODELS + "}"), 400, "systems");
        assertProblem(post("/api/v1/benchmarks", "{\"systems\":{\"kind\":\"ode\"}," + MODELS + "}"), 400, "systems.kind");
        assertProblem(post("/api/v1/benchmarks", "{" + SYSTEMS + ",\"models\":[]}"), 400, "models");
        assertProblem(post("/api/v1/benchmarks", "{" + SYSTEMS + ",\"models\":[{\"order\":2}]}"), 400, "models[0].type");
        assertProblem(post("/api/v1/benchmarks", "{" + SYSTEMS + "," + MODELS + ",\"seeds\":[1,1]}"), 400, "seeds");
        assertProblem(post("/api/v1/benchmarks", "{" + SYSTEMS + "," + MODELS + ",\"seeds\":[-1]}"), 400, "seeds[0]");
        assertProblem(post("/api/v1/benchmarks", "{" + SYSTEMS + "," + MODELS + ",\"protocol\":{\"name\":\"slow\"}}"), 400, "protocol.name");
        var p = assertProblem(post("/api/v1/benchmarks", "{" + SYSTEMS + "," + MODELS + ",\"protocol\":{\"pointsPerPeriod\":2}}"),
                400, "protocol.pointsPerPeriod");
        assertThat(p.path("detail").asString()).contains("between 4 and 1000").contains("found 2");
        assertProblem(post("/api/v1/benchmarks", "{" + SYSTEMS + "," + MODELS + ",\"protocol\":{\"noise\":1.5}}"), 400, "protocol.noise");
        assertProblem(post("/api/v1/benchmarks", "{" + SYSTEMS + "," + MODELS + ",\"protocol\":{\"epochs\":0}}"), 400, "protocol.epochs");
        assertProblem(post("/api/v1/benchmarks", "{\"seeds\":\"x\"}"), 400, "seeds");
        assertThat(benchmarks()).isEqualTo(before);
    }

    @Test
    void unknownBenchmarksAreNotFound() {
        assertProblem(get("/api/v1/benchmarks/00000000-0000-0000-0000-000000000000"), 404, null);
        assertProblem(post("/api/v1/benchmarks/00000000-0000-0000-0000-000000000000/cancel", null), 404, null);
        assertProblem(get("/api/v1/benchmarks/open-cells?limit=0"), 400, "limit");
    }
}
