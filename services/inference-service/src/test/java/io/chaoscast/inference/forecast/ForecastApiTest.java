package io.chaoscast.inference.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.inference.support.Http;
import io.chaoscast.inference.support.Http.Reply;
import io.chaoscast.inference.support.RegistryServer;
import io.chaoscast.inference.support.TinyModels;
import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The forecast API over real HTTP, serving real tiny models fetched from a registry that speaks
 * results-service's contract.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForecastApiTest {

    private static final RegistryServer registry = start();
    private static final TinyModels models = TinyModels.get();
    private static final UUID earlyExit = registry.register("tiny-ee", "early-exit", models.earlyExit, null);
    private static final UUID nvar = registry.register("tiny-nvar", "nvar", models.nvar, null);
    private static final UUID risk = registry.register("tiny-risk", "early-exit", models.riskCalibrated, null);
    private static final UUID residual = registry.register("tiny-residual", "early-exit", models.residual, null);
    private static final UUID future =
            registry.register("future-format", "early-exit", TinyModels.futureFormatArtifact(), null);
    private static final UUID tampered =
            registry.register("tampered", "early-exit", models.earlyExit, "ab".repeat(32));

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    io.chaoscast.inference.engine.InferenceEngine engine;

    Http http;

    private static RegistryServer start() {
        try {
            return new RegistryServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("chaoscast.services.results-url", () -> registry.uri().toString());
        r.add("chaoscast.inference.device", () -> "cpu");
        r.add("chaoscast.inference.limits.max-horizon", () -> "500");
        r.add("chaoscast.inference.limits.max-batch-contexts", () -> "8");
        r.add("chaoscast.inference.batching.max-batch-delay", () -> "10ms");
        r.add("chaoscast.inference.batching.workers", () -> "1");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private static Map<String, Object> body(double[][] context, Integer horizon, Map<String, Object> exit) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("context", context);
        if (horizon != null) {
            b.put("horizon", horizon);
        }
        if (exit != null) {
            b.put("exit", exit);
        }
        return b;
    }

    private Reply forecast(UUID model, Object body) {
        return http.post("/api/v1/models/" + model + "/forecast", body);
    }

    private static double[][] context() {
        return models.contexts(1, 10)[0];
    }

    /**
     * An id in upper case is the same model: it was loaded a second time (its artifact fetched and
     * its replicas built again, pushing other models out of the cache) and counted as another model.
     */
    @Test
    void anIdInUpperCaseServesTheSameLoadedModel() {
        Reply first = forecast(nvar, body(context(), 2, null));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        int downloads = registry.artifactDownloads();
        int loaded = engine.cache().loaded().size();

        Reply upper = http.post("/api/v1/models/" + nvar.toString().toUpperCase(java.util.Locale.ROOT) + "/forecast",
                body(context(), 2, null));
        assertThat(upper.status()).as(upper.text()).isEqualTo(200);
        assertThat(upper.body().get("modelId").asString()).isEqualTo(nvar.toString());
        assertThat(upper.body().get("forecast")).isEqualTo(first.body().get("forecast"));
        assertThat(registry.artifactDownloads()).isEqualTo(downloads);
        assertThat(engine.cache().loaded()).hasSize(loaded);
        assertThat(http.get("/api/v1/models/" + nvar.toString().toUpperCase(java.util.Locale.ROOT)).status()).isEqualTo(200);
        assertThat(engine.cache().loaded()).hasSize(loaded);
    }

    /** {@code UUID.fromString} also reads "1-2-3-4-5", as 00000001-0002-0003-0004-000000000005. */
    @Test
    void aShortFormOfAnIdNamesNoModel() {
        UUID id = UUID.fromString("00000001-0002-0003-0004-000000000005");
        registry.register(id, "short-form", "nvar", models.nvar, null);
        Reply canonical = forecast(id, body(context(), 2, null));
        assertThat(canonical.status()).as(canonical.text()).isEqualTo(200);
        Reply aliased = http.post("/api/v1/models/1-2-3-4-5/forecast", body(context(), 2, null));
        assertThat(aliased.status()).as(aliased.text()).isEqualTo(404);
        assertThat(aliased.body().get("field").asString()).isEqualTo("modelId");
    }

    @Test
    void forecastHasTheAskedShapeOneDepthPerPassAndSavesComputeWithAPermissiveThreshold() {
        Reply r = forecast(earlyExit, body(context(), 4, Map.of("policy", "dynamic", "threshold", 1.0)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode b = r.body();
        assertThat(b.get("forecast")).hasSize(4);
        assertThat(b.get("forecast").get(0)).hasSize(3);
        assertThat(b.get("exitDepths")).hasSize(1);
        assertThat(b.get("exitDepths").get(0).asInt()).isEqualTo(1);
        assertThat(b.get("uncertainties")).hasSize(1);
        assertThat(b.get("uncertainties").get(0).asDouble()).isBetween(0.0, 1.0);
        assertThat(b.get("fullDepth").asInt()).isEqualTo(3);
        assertThat(b.get("meanDepth").asDouble()).isEqualTo(1.0);
        assertThat(b.get("computeSaved").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(b.get("device").asString()).isEqualTo("cpu");
        assertThat(b.get("latencyMs").asDouble()).isPositive();
        assertThat(b.get("policy").asString()).isEqualTo("dynamic:1.0");
    }

    @Test
    void fullDepthSavesNothing() {
        Reply r = forecast(earlyExit, body(context(), 4, Map.of("policy", "full")));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("exitDepths").get(0).asInt()).isEqualTo(3);
        assertThat(r.body().get("computeSaved").asDouble()).isZero();
    }

    @Test
    void fixedDepthRunsThatManyBlocksOnEveryPass() {
        Reply r = forecast(earlyExit, body(context(), 12, Map.of("policy", "fixed", "depth", 2)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("exitDepths")).hasSize(3);
        r.body().get("exitDepths").forEach(d -> assertThat(d.asInt()).isEqualTo(2));
    }

    @Test
    void horizonLongerThanOnePassRollsOutWithADepthPerPass() {
        Reply r = forecast(earlyExit, body(context(), 10, Map.of("policy", "full")));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("forecast")).hasSize(10);
        assertThat(r.body().get("exitDepths")).hasSize(3); // 4 steps per pass
        assertThat(r.body().get("uncertainties")).hasSize(3);
        // The rollout equals the library's own rollout of the same model.
        try (var alone = (io.chaoscast.models.earlyexit.EarlyExitForecaster) ModelArtifacts.fromBytes(models.earlyExit)) {
            ForecastResult direct = alone.forecast(new double[][][] {context()}, 10, ExitPolicy.full());
            assertThat(r.body().get("forecast").get(9).get(2).asDouble())
                    .isCloseTo(direct.forecasts()[0][9][2], within(1e-6));
        }
    }

    @Test
    void toleranceResolvesToTheCalibratedThresholdOfTheModelsTable() {
        Reply model = http.get("/api/v1/models/" + earlyExit);
        assertThat(model.status()).as(model.text()).isEqualTo(200);
        JsonNode table = model.body().get("calibration");
        assertThat(table.get("points").size()).isPositive();
        // The library's own choice over the table the API shows: least compute within tolerance.
        double expected = Http.JSON
                .treeToValue(table, io.chaoscast.models.calibration.CalibrationTable.class)
                .thresholdFor(0.5);
        assertThat(expected).isPositive();
        Reply r = forecast(earlyExit, body(context(), 4, Map.of("policy", "dynamic", "tolerance", 0.5)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("threshold").asDouble()).as(table.toString()).isEqualTo(expected);
        assertThat(r.body().get("tolerance").asDouble()).isEqualTo(0.5);
        // No exit at all: the model's calibrated threshold.
        Reply d = forecast(earlyExit, body(context(), 4, null));
        assertThat(d.body().get("threshold").asDouble()).isEqualTo(table.get("threshold").asDouble());
        assertThat(model.body().get("spec").get("depth").asInt()).isEqualTo(3);
        // This model has no router, risk calibration or blend: it is written in the oldest format that holds it.
        assertThat(model.body().get("formatVersion").asInt()).isEqualTo(1).isLessThanOrEqualTo(ModelArtifacts.FORMAT_VERSION);
    }

    @Test
    void baselinesAreServedAtDepthOneWithoutUncertainty() {
        Reply r = forecast(nvar, body(context(), 5, Map.of("policy", "full")));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("forecast")).hasSize(5);
        assertThat(r.body().get("fullDepth").asInt()).isEqualTo(1);
        r.body().get("uncertainties").forEach(u -> assertThat(u.isNull()).isTrue());
    }

    @Test
    void batchEndpointAnswersEveryContextInOrder() {
        double[][][] contexts = models.contexts(5, 9);
        Reply r = http.post(
                "/api/v1/models/" + earlyExit + "/forecast/batch",
                Map.of("contexts", contexts, "horizon", 6, "exit", Map.of("policy", "full")));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("forecasts")).hasSize(5);
        try (var alone = (io.chaoscast.models.earlyexit.EarlyExitForecaster) ModelArtifacts.fromBytes(models.earlyExit)) {
            ForecastResult direct = alone.forecast(contexts, 6, ExitPolicy.full());
            for (int i = 0; i < 5; i++) {
                JsonNode item = r.body().get("forecasts").get(i);
                assertThat(item.get("forecast")).hasSize(6);
                assertThat(item.get("exitDepths")).hasSize(2);
                assertThat(item.get("forecast").get(5).get(0).asDouble())
                        .isCloseTo(direct.forecasts()[i][5][0], within(1e-6));
            }
        }
    }

    @Test
    void concurrentRequestsAreBatchedAndEachGetsItsOwnAnswer() throws Exception {
        int n = 16;
        double[][][] contexts = models.contexts(n, 10);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        // Long rollouts (a few ms each), so that requests arrive while the worker is busy and queue
        // up to be batched: a forecast of a few steps can finish before the next request arrives
        // on a busy box, and then every request is served alone by the inline fast path.
        int horizon = 400;
        for (int i = 0; i < n; i++) {
            Object b = body(contexts[i], horizon, Map.of("policy", "dynamic", "threshold", 0.5));
            replies.add(pool.submit(() -> {
                go.await();
                return forecast(earlyExit, b);
            }));
        }
        go.countDown();
        int maxBatch = 0;
        try (var alone = (io.chaoscast.models.earlyexit.EarlyExitForecaster)
                ModelArtifacts.fromBytes(models.earlyExit)) {
            for (int i = 0; i < n; i++) {
                Reply r = replies.get(i).get();
                assertThat(r.status()).as(r.text()).isEqualTo(200);
                maxBatch = Math.max(maxBatch, r.body().get("batchSize").asInt());
                ForecastResult single = alone.forecast(new double[][][] {contexts[i]}, horizon, ExitPolicy.dynamic(0.5));
                for (int p = 0; p < 2; p++) {
                    assertThat(r.body().get("exitDepths").get(p).asInt()).isEqualTo(single.exitDepths()[0][p]);
                }
                assertThat(r.body().get("forecast").get(7).get(1).asDouble())
                        .isCloseTo(single.forecasts()[0][7][1], within(1e-3));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(maxBatch).isGreaterThan(1);
        String prom = http.get("/actuator/prometheus").text();
        Matcher m = Pattern.compile("chaoscast_inference_batch_size_max\\{model=\"" + earlyExit + "\"[^}]*} (\\S+)")
                .matcher(prom);
        assertThat(m.find()).as(prom).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(1);
    }

    @Test
    void prometheusShowsLatencyQueueTimeExitDepthAndComputeSaved() {
        forecast(earlyExit, body(context(), 4, Map.of("policy", "dynamic", "threshold", 1.0)));
        String prom = http.get("/actuator/prometheus").text();
        assertThat(prom)
                .contains("chaoscast_inference_request_latency_seconds_bucket")
                .contains("chaoscast_inference_queue_time_seconds")
                .contains("chaoscast_inference_exit_depth_bucket")
                .contains("chaoscast_inference_compute_saved")
                .contains("chaoscast_inference_batch_size");
    }

    @Test
    void statisticsReachResultsServiceOffTheRequestPath() throws Exception {
        forecast(earlyExit, body(context(), 4, Map.of("policy", "full")));
        long deadline = System.currentTimeMillis() + 15_000;
        while (registry.metricPoints("mean_depth") == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(registry.metricPoints("mean_depth")).isPositive();
        assertThat(registry.metricPoints("compute_saved")).isPositive();
        assertThat(registry.runs())
                .anySatisfy(run -> assertThat(run.kind().wireName()).isEqualTo("inference"));
        JsonNode info = http.get("/actuator/info").body().get("inference");
        assertThat(info.get("device").asString()).isEqualTo("cpu");
        assertThat(info.get("telemetry").get("undelivered").asLong()).isZero();
    }

    @Test
    void listShowsRegisteredAndLoadedModels() {
        forecast(earlyExit, body(context(), 4, Map.of("policy", "full")));
        Reply r = http.get("/api/v1/models");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("registered").size()).isGreaterThanOrEqualTo(4);
        assertThat(r.body().get("loaded"))
                .anySatisfy(m -> assertThat(m.get("id").asString()).isEqualTo(earlyExit.toString()));
        assertThat(r.body().get("device").asString()).isEqualTo("cpu");
    }

    @Test
    void unknownModelIs404() {
        Reply r = forecast(UUID.randomUUID(), body(context(), 4, null));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().get("code").asString()).isEqualTo("unknown-model");
        assertThat(http.get("/api/v1/models/not-a-model").status()).isEqualTo(404);
    }

    @Test
    void unreadableFormatIs422() {
        Reply r = forecast(future, body(context(), 4, null));
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.body().get("detail").asString()).contains("format version 99");
    }

    @Test
    void artifactFailingItsShaIsRefusedAndNotLoaded() {
        Reply r = forecast(tampered, body(context(), 4, null));
        assertThat(r.status()).as(r.text()).isEqualTo(502);
        assertThat(r.body().get("code").asString()).isEqualTo("artifact-integrity");
        assertThat(http.get("/api/v1/models").body().get("loaded"))
                .noneSatisfy(m -> assertThat(m.get("id").asString()).isEqualTo(tampered.toString()));
    }

    private void assertBadRequest(Reply r, String field, String detailPart) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.body().get("field").asString()).as(r.text()).isEqualTo(field);
        assertThat(r.body().get("detail").asString()).as(r.text()).contains(detailPart);
    }

    @Test
    void badInputIs400NamingTheFieldAndTheAllowedRange() {
        String path = "/api/v1/models/" + earlyExit + "/forecast";
        assertBadRequest(forecast(earlyExit, body(models.contexts(1, 5)[0], 4, null)), "context", "between 8 and");
        double[][] wrongDim = context();
        wrongDim[2] = new double[] {1, 2};
        assertBadRequest(forecast(earlyExit, body(wrongDim, 4, null)), "context[2]", "dimension 3");
        String ctx = Http.JSON.writeValueAsString(context());
        String nanAsString = ctx.replaceFirst("\\[\\[[^,]+,", "[[\"NaN\",");
        assertBadRequest(http.post(path, "{\"context\":" + nanAsString + ",\"horizon\":4}"), "context[0][0]", "finite");
        String nanToken = ctx.replaceFirst("\\[\\[[^,]+,", "[[NaN,");
        assertBadRequest(http.post(path, "{\"context\":" + nanToken + ",\"horizon\":4}"), "context[0][0]", "finite");
        String inf = ctx.replaceFirst("\\[\\[[^,]+,", "[[\"Infinity\",");
        assertBadRequest(http.post(path, "{\"context\":" + inf + ",\"horizon\":4}"), "context[0][0]", "finite");
        assertBadRequest(forecast(earlyExit, body(context(), 501, null)), "horizon", "between 1 and 500");
        assertBadRequest(forecast(earlyExit, body(context(), 0, null)), "horizon", "between 1 and 500");
        assertBadRequest(
                forecast(earlyExit, body(context(), 4, Map.of("policy", "dynamic", "threshold", 1.5))),
                "exit.threshold",
                "between 0 and 1");
        assertBadRequest(
                forecast(earlyExit, body(context(), 4, Map.of("policy", "dynamic", "tolerance", -0.1))),
                "exit.tolerance",
                "between 0 and 10");
        assertBadRequest(
                forecast(earlyExit, body(context(), 4, Map.of("policy", "sometimes"))),
                "exit.policy",
                "dynamic, full, fixed");
        assertBadRequest(
                forecast(earlyExit, body(context(), 4, Map.of("policy", "fixed", "depth", 7))),
                "exit.depth",
                "between 1 and 3");
        Reply malformed = http.post(path, "{\"context\": [[1,2,3], ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("code").asString()).isEqualTo("malformed-body");
        assertBadRequest(http.post(path, "{\"context\": \"abc\", \"horizon\": 4}"), "context", "array of states");
        assertBadRequest(http.post(path, "{\"context\": " + ctx + ", \"horizon\": \"soon\"}"), "horizon", "whole number");
        Reply overBatch = http.post(
                "/api/v1/models/" + earlyExit + "/forecast/batch",
                Map.of("contexts", models.contexts(9, 8), "horizon", 4));
        assertBadRequest(overBatch, "contexts", "between 1 and 8");
        Reply shortInBatch = http.post(
                "/api/v1/models/" + earlyExit + "/forecast/batch",
                Map.of("contexts", new double[][][] {context(), models.contexts(1, 3)[0]}, "horizon", 4));
        assertBadRequest(shortInBatch, "contexts[1]", "between 8 and");
    }

    /** {@code rows} states, every value {@code v}. */
    private static double[][] constant(int rows, double v) {
        double[][] c = new double[rows][3];
        for (double[] s : c) {
            java.util.Arrays.fill(s, v);
        }
        return c;
    }

    private static void assertFiniteForecast(Reply r, int horizon) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode f = r.body().has("forecast") ? r.body().get("forecast") : r.body().get("forecasts").get(0).get("forecast");
        assertThat(f).hasSize(horizon);
        f.forEach(state -> state.forEach(v -> assertThat(v.isNumber()).as(r.text()).isTrue()));
    }

    @Test
    void contextFarOutsideTheTrainingDataIs400NamingTheValueNeverA500OrNaN() {
        // As the fuzzing review sent it: sixteen states of 1e20 to a model on an NVAR base, two
        // passes (the network's overflowed first pass used to be fed back: 500), and 1e50 in one
        // pass (200 with "NaN" numbers).
        for (UUID model : List.of(residual, earlyExit)) {
            Reply twoPasses = forecast(model, body(constant(16, 1e20), 8, null));
            // The model reads the last 8 of the 16 states: the first of those is named.
            assertBadRequest(twoPasses, "context[8][0]", "standard deviations from the mean of the data the model was trained on");
            assertThat(twoPasses.body().get("detail").asString())
                    .contains("context[8][0] is 1.0E20")
                    .contains("at most 1000 are accepted")
                    .contains("cannot forecast from states this far outside the range it was trained on");
            assertBadRequest(forecast(model, body(constant(8, 1e50), 4, null)), "context[0][0]", "standard deviations");
            double[][] oneOff = context();
            oneOff[9] = new double[] {oneOff[9][0], oneOff[9][1], -1e7}; // (the rows are the test split's own)
            assertBadRequest(forecast(model, body(oneOff, 4, null)), "context[9][2]", "is -1.0E7");
            Reply batch = http.post(
                    "/api/v1/models/" + model + "/forecast/batch",
                    Map.of("contexts", new double[][][] {context(), constant(8, 1e20)}, "horizon", 8));
            assertBadRequest(batch, "contexts[1][0][0]", "standard deviations");
        }
        // States ignored by the model (before its last 8) are not bounded.
        double[][] ignored = context();
        ignored[0] = new double[] {1e20, 1e20, 1e20};
        assertFiniteForecast(forecast(residual, body(ignored, 8, null)), 8);
        // Far out (about 110 to 130 standard deviations) but within the bound: a finite answer.
        assertFiniteForecast(forecast(residual, body(constant(8, 1000), 8, Map.of("policy", "full"))), 8);
    }

    @Test
    void forecastWhoseRolloutOverflowsIs400NamingTheContextAndTheStep() {
        // The NVAR baseline here was fitted on raw states: its artifact records no training scale,
        // so no context is out of range, and its rollout leaves the range of doubles.
        Reply atOnce = forecast(nvar, body(constant(8, 1e200), 4, null));
        assertBadRequest(atOnce, "context", "the forecast from context overflowed at step 1 of 4");
        assertThat(atOnce.body().get("detail").asString()).contains("cannot forecast from these states");

        Reply later = forecast(nvar, body(constant(8, 1000), 8, null));
        assertBadRequest(later, "context", "overflowed at step");
        Matcher m = Pattern.compile("ask for a horizon of at most (\\d+)").matcher(later.body().get("detail").asString());
        assertThat(m.find()).as(later.text()).isTrue();
        int finite = Integer.parseInt(m.group(1));
        assertThat(finite).isBetween(1, 7);
        // The horizon the answer suggests is served, every number finite.
        assertFiniteForecast(forecast(nvar, body(constant(8, 1000), finite, null)), finite);

        Reply batch = http.post(
                "/api/v1/models/" + nvar + "/forecast/batch",
                Map.of("contexts", new double[][][] {context(), constant(8, 1e200), context()}, "horizon", 4));
        assertBadRequest(batch, "contexts[1]", "the forecast from contexts[1] overflowed at step 1 of 4");
    }

    @Test
    void theOpenApiDescriptionGivesTheContextBoundAndTheOverflowAnswer() {
        Reply docs = http.get("/v3/api-docs");
        assertThat(docs.status()).as(docs.text()).isEqualTo(200);
        for (String path : List.of("/api/v1/models/{modelId}/forecast", "/api/v1/models/{modelId}/forecast/batch")) {
            assertThat(docs.body().get("paths").get(path).get("post").get("description").asString())
                    .contains("max-context-deviation (default 1000) standard deviations")
                    .contains("overflows");
        }
    }

    /**
     * The fuzzing review's load: 200 requests, 16 at a time, every tenth with a context the model
     * cannot forecast from. The residual model refuses it before it is queued (out of range); the
     * NVAR baseline (no recorded scale) forecasts it in a batch with the others and only its
     * request is refused (overflow). Every other request is answered, never a 5xx.
     */
    @Test
    void aBadRequestAmongConcurrentOnesIsRefusedAloneAndTheOthersAreAnswered() throws Exception {
        int n = 200;
        double[][][] good = models.contexts(n, 8);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (UUID model : List.of(residual, nvar)) {
                List<Future<Reply>> replies = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    double[][] c = i % 10 == 0 ? constant(8, 1e50) : good[i];
                    Object b = body(c, 8, Map.of("policy", "full"));
                    replies.add(pool.submit(() -> forecast(model, b)));
                }
                for (int i = 0; i < n; i++) {
                    Reply r = replies.get(i).get();
                    if (i % 10 == 0) {
                        assertThat(r.status()).as(r.text()).isEqualTo(400);
                        assertThat(r.body().get("field").asString()).startsWith("context");
                    } else {
                        assertFiniteForecast(r, 8);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void toleranceAndConfidenceResolveFromTheStoredRiskCalibration() {
        Reply model = http.get("/api/v1/models/" + risk);
        assertThat(model.status()).as(model.text()).isEqualTo(200);
        var rc = Http.JSON.treeToValue(model.body().get("risk"), io.chaoscast.models.calibration.RiskCalibration.class);
        assertThat(model.body().get("formatVersion").asInt()).isEqualTo(2);

        Reply byDefault = forecast(risk, body(context(), 4, null));
        assertThat(byDefault.status()).as(byDefault.text()).isEqualTo(200);
        assertThat(byDefault.body().get("tolerance").asDouble()).isEqualTo(0.05);
        assertThat(byDefault.body().get("confidence").asDouble()).isEqualTo(0.9);
        assertThat(byDefault.body().get("threshold").asDouble()).isEqualTo(rc.threshold());

        for (double[] tc : new double[][] {{0.3, 0.8}, {0.5, 0.95}, {0.0, 0.9}}) {
            Reply r = forecast(risk, body(context(), 8, Map.of("tolerance", tc[0], "confidence", tc[1])));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.body().get("threshold").asDouble()).isEqualTo(rc.thresholdFor(tc[0], tc[1]));
            assertThat(r.body().get("confidence").asDouble()).isEqualTo(tc[1]);
        }
        assertBadRequest(forecast(risk, body(context(), 4, Map.of("tolerance", 0.05, "confidence", 1.0))),
                "exit.confidence", "between 0.5 and 0.999");
        assertBadRequest(forecast(risk, body(context(), 4, Map.of("tolerance", 2.0))), "exit.tolerance", "between 0 and 1");
        assertBadRequest(forecast(risk, body(context(), 4, Map.of("policy", "full", "confidence", 0.9))),
                "exit.confidence", "does not apply");
        Reply old = forecast(earlyExit, body(context(), 4, Map.of("tolerance", 0.05, "confidence", 0.9)));
        assertThat(old.status()).as(old.text()).isEqualTo(422);
        assertThat(old.body().get("field").asString()).isEqualTo("exit.confidence");
    }

    @Test
    void toleranceOnAModelWithoutCalibrationIs422() {
        Reply r = forecast(nvar, body(context(), 4, Map.of("policy", "dynamic", "tolerance", 0.02)));
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.body().get("field").asString()).isEqualTo("exit.tolerance");
    }
}
