package io.chaoscast.results.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.chaoscast.results.ResultsServiceTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Bad benchmark requests are refused with a problem naming the field and range, and leave nothing
 * behind. A JDK server stands in for the dataset-service's catalog (Lorenz and Henon), so that good
 * requests are created.
 */
class BenchmarkValidationApiTest extends ResultsServiceTest {

    private static final String MODELS = "\"models\":[{\"type\":\"linear\"}]";
    private static final String SYSTEMS = "\"systems\":{\"names\":[\"Lorenz\"]}";
    private static final String CATALOG = """
            [{"name":"Lorenz","kind":"flow","dimension":3,"parameters":{"sigma":10.0},"initialConditions":[1.0,1.0,1.0],
              "period":1.5,"maxLyapunov":0.9,"lyapunovTime":1.1},
             {"name":"Henon","kind":"map","dimension":2,"parameters":{"a":1.4},"initialConditions":[0.1,0.1],
              "period":1.0,"maxLyapunov":0.42,"lyapunovTime":2.4}]""";

    private static HttpServer catalog;

    @DynamicPropertySource
    static void datasetService(DynamicPropertyRegistry registry) throws IOException {
        if (catalog == null) {
            catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            catalog.createContext("/api/v1/systems", exchange -> {
                byte[] out = CATALOG.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, out.length);
                exchange.getResponseBody().write(out);
                exchange.close();
            });
            catalog.start();
        }
        registry.add("chaoscast.services.dataset-url", () -> "http://127.0.0.1:" + catalog.getAddress().getPort());
    }

    @AfterAll
    static void stopCatalog() {
        catalog.stop(0);
    }

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

    /** What the fuzzing found: three models the training-service refuses, answered 201, every cell failed. */
    @Test
    void modelsTheTrainingServiceWouldRefuseAreRefusedAtCreation() {
        int before = benchmarks();
        var p = assertProblem(post("/api/v1/benchmarks", "{\"systems\":{\"names\":[\"Henon\"]},\"models\":[{\"type\":\"bogus\"},"
                + "{\"type\":\"nvar\",\"taps\":999},{\"type\":\"persistence\",\"foo\":1}],\"protocol\":{\"epochs\":1,\"testOrigins\":1}}"),
                400, "models[0].type");
        assertThat(p.path("detail").asString()).contains("[early-exit, nvar, linear, esn, persistence]").contains("'bogus'");
        String[][] cases = {
            {"{\"type\":\"nvar\",\"taps\":999}", "models[1].taps", "a whole number between 1 and 16, found 999"},
            {"{\"type\":\"nvar\",\"taps\":2.5}", "models[1].taps", "a whole number between 1 and 16, found 2.5"},
            {"{\"type\":\"nvar\",\"tap\":2}", "models[1].tap", "is not a hyperparameter of nvar; allowed: [taps, skip]"},
            {"{\"type\":\"persistence\",\"foo\":1}", "models[1].foo", "is not a hyperparameter of persistence; allowed: []"},
            {"{\"type\":\"esn\",\"leakRate\":\"0.5\"}", "models[1].leakRate", "a finite number between 0.01 and 1, found '0.5'"},
            {"{\"type\":\"esn\",\"spectralRadius\":5}", "models[1].spectralRadius", "between 0.01 and 2, found 5"},
            {"{\"type\":\"early-exit\",\"blocks\":0}", "models[1].blocks", "a whole number between 1 and 64, found 0"},
            {"{\"type\":\"early-exit\",\"base\":\"linear\"}", "models[1].base", "must be one of [nvar, none], found 'linear'"},
            {"{\"type\":\"early-exit\",\"contextLength\":2}", "models[1].contextLength", "at least 4 with the nvar base"},
            {"{\"type\":\"NVAR\"}", "models[1].type", "must be one of [early-exit, nvar, linear, esn, persistence], found 'NVAR'"},
            {"{\"type\":7}", "models[1].type", "found 7"},
            {"null", "models[1].type", "found null"},
        };
        for (String[] c : cases) {
            var problem = assertProblem(post("/api/v1/benchmarks", "{" + SYSTEMS + ",\"models\":[{\"type\":\"linear\"}," + c[0] + "]}"), 400, c[1]);
            assertThat(problem.path("detail").asString()).as(c[0]).contains(c[2]);
        }
        assertThat(benchmarks()).isEqualTo(before);
    }

    @Test
    void modelsWithinTheTrainingServicesRangesAreAccepted() {
        HttpResponse<String> created = post("/api/v1/benchmarks", "{" + SYSTEMS + ",\"models\":["
                + "{\"type\":\"early-exit\",\"blocks\":6,\"base\":\"none\",\"contextLength\":2,\"tolerance\":0.1},"
                + "{\"type\":\"linear-ar\",\"order\":4},{\"type\":\"nvar\",\"taps\":null,\"skip\":2.0},"
                + "{\"type\":\"esn\",\"spectralRadius\":1.2,\"reservoirSize\":100},{\"type\":\"persistence\"}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode b = body(created);
        assertThat(b.path("cells").asInt()).isEqualTo(5);
        assertThat(b.path("models").get(0).path("blocks").asInt()).isEqualTo(6);
    }

    /** A fraction for a whole-number field was cut (seed 1.5 ran as seed 1); it is refused instead. */
    @Test
    void fractionsForWholeNumbersAreRefusedNotTruncated() {
        int before = benchmarks();
        var seed = assertProblem(post("/api/v1/benchmarks", "{" + SYSTEMS + "," + MODELS + ",\"seeds\":[0,1.5]}"), 400, "seeds[1]");
        assertThat(seed.path("detail").asString()).contains("must be a whole number").contains("1.5");
        var epochs = assertProblem(post("/api/v1/benchmarks", "{" + SYSTEMS + "," + MODELS + ",\"protocol\":{\"epochs\":1.5}}"),
                400, "protocol.epochs");
        assertThat(epochs.path("detail").asString()).contains("must be a whole number").contains("1.5");
        assertProblem(post("/api/v1/benchmarks", "{" + SYSTEMS + "," + MODELS + ",\"protocol\":{\"testOrigins\":2.0}}"),
                400, "protocol.testOrigins");
        assertThat(benchmarks()).isEqualTo(before);
    }

    /** A NUL reached PostgreSQL and came back as its raw error without a field; each place is named instead. */
    @Test
    void nulCharactersAreRefusedNamingTheField() {
        int before = benchmarks();
        var name = assertProblem(post("/api/v1/benchmarks", "{\"name\":\"a\\u0000b\"," + SYSTEMS + "," + MODELS + "}"), 400, "name");
        assertThat(name.path("detail").asString()).contains("NUL character").doesNotContain("SQLState");
        assertThat(benchmarks()).isEqualTo(before);

        HttpResponse<String> created = post("/api/v1/benchmarks", "{" + SYSTEMS + "," + MODELS + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String cell = "/api/v1/benchmarks/" + body(created).path("id").asString() + "/cells/0";
        var reason = assertProblem(send("PUT", cell, "{\"state\":\"failed\",\"failureReason\":\"boom\\u0000\"}"), 400, "failureReason");
        assertThat(reason.path("detail").asString()).contains("NUL character");
        assertProblem(send("PUT", cell, "{\"state\":\"pending\",\"datasetId\":\"ds\\u0000\"}"), 400, "datasetId");
        // a cell number outside the benchmark names the ordinal and its range, instead of a 404
        String cells = cell.substring(0, cell.length() - 1);
        for (String ordinal : new String[] {"-1", "999"}) {
            var bad = assertProblem(send("PUT", cells + ordinal, "{\"state\":\"pending\"}"), 400, "ordinal");
            assertThat(bad.path("detail").asString()).contains("must be between 0 and 0 for this benchmark");
        }
        JsonNode stored = body(get(cell.substring(0, cell.length() - 2))).get(0);
        assertThat(stored.path("state").asString()).isEqualTo("pending");
        assertThat(stored.path("datasetId").isNull()).isTrue();
    }

    /**
     * A cell whose training stopped where its losses stopped being finite keeps the job's account
     * of it beside its metrics, in the table and its CSV; a later report without one keeps it.
     */
    @Test
    void aCellKeepsHowItsTrainingEnded() {
        HttpResponse<String> created = post("/api/v1/benchmarks", "{" + SYSTEMS + "," + MODELS + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String benchmark = "/api/v1/benchmarks/" + body(created).path("id").asString();
        String outcome = "training stopped at epoch 28 of 30: its losses were no longer finite; the model keeps the weights of epoch 26";
        assertProblem(send("PUT", benchmark + "/cells/0", "{\"state\":\"succeeded\",\"trainingOutcome\":\"x\\u0000\"}"),
                400, "trainingOutcome");
        assertThat(body(get(benchmark + "/cells")).get(0).path("state").asString()).isEqualTo("pending");

        HttpResponse<String> reported = send("PUT", benchmark + "/cells/0", "{\"state\":\"succeeded\",\"trainingOutcome\":\"" + outcome + "\"}");
        assertThat(reported.statusCode()).as(reported.body()).isLessThan(300);
        assertThat(send("PUT", benchmark + "/cells/0", "{\"state\":\"succeeded\"}").statusCode()).isLessThan(300);

        assertThat(body(get(benchmark + "/cells")).get(0).path("trainingOutcome").asString()).isEqualTo(outcome);
        assertThat(body(get(benchmark + "/table")).path("rows").get(0).path("trainingOutcome").asString()).isEqualTo(outcome);
        assertThat(get(benchmark + "/table?format=csv").body().split("\r\n")[1]).contains(",succeeded,," + outcome);
    }
}
