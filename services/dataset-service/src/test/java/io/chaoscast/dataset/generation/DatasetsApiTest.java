package io.chaoscast.dataset.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.contracts.datasets.Npy;
import io.chaoscast.dataset.ApiTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class DatasetsApiTest extends ApiTest {

    @Autowired
    DatasetFiles files;

    @Autowired
    MeterRegistry meters;

    static final String LORENZ = "{\"system\": \"Lorenz\", \"trajectories\": 2, \"length\": 2000, \"seed\": 7}";

    JsonNode create(String recipe, int expectedStatus) throws Exception {
        HttpResponse<String> r = post("/api/v1/datasets", recipe);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
        return json(r);
    }

    byte[] data(String id, String split, String format) throws Exception {
        HttpResponse<byte[]> r = getBytes("/api/v1/datasets/" + id + "/data?split=" + split + "&format=" + format);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return r.body();
    }

    static double[][][] npy(byte[] bytes) throws Exception {
        return Npy.read3d(new ByteArrayInputStream(bytes));
    }

    static String sha256OfData(byte[] npy) throws Exception {
        int header = Npy.readHeader(new ByteArrayInputStream(npy)).headerLength();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(npy, header, npy.length - header);
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void sameRecipeYieldsSameIdAndSameBytes() throws Exception {
        String recipe = "{\"system\": \"Lorenz\", \"trajectories\": 2, \"length\": 2000, \"seed\": 77}";
        JsonNode first = create(recipe, 201);
        assertThat(first.path("status").asString()).isEqualTo("ready");
        String id = first.path("id").asString();
        assertThat(id).matches("[0-9a-f]{64}");
        // Same meaning, other spelling: key order, name case, defaults written out.
        JsonNode again = create(
                "{\"seed\": 77, \"length\": 2000, \"system\": \"lorenz\", \"trajectories\": 2, \"pointsPerPeriod\": 100,"
                        + " \"transientPeriods\": 10, \"noise\": 0, \"split\": {\"train\": 0.7, \"val\": 0.15, \"test\": 0.15},"
                        + " \"rtol\": 1e-10, \"atol\": 1e-10, \"parameters\": {\"rho\": 28}}",
                200);
        assertThat(again.path("id").asString()).isEqualTo(id);
        assertThat(again.path("checksum").asString()).isEqualTo(first.path("checksum").asString());

        byte[] a = data(id, "all", "npy");
        byte[] b = data(id, "all", "npy");
        assertThat(b).isEqualTo(a);
        assertThat(sha256OfData(a)).isEqualTo(first.path("checksum").asString());

        JsonNode otherSeed = create(recipe.replace("77", "78"), 201);
        assertThat(otherSeed.path("id").asString()).isNotEqualTo(id);
        assertThat(data(otherSeed.path("id").asString(), "all", "npy")).isNotEqualTo(a);
    }

    HttpResponse<byte[]> postForBytes(String recipe, String accept) throws Exception {
        return HTTP.send(io.chaoscast.testsupport.TestTokens.request(uri("/api/v1/datasets"))
                        .header("Content-Type", "application/json")
                        .header("Accept", accept)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(recipe))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void postAskingForNpyAnswersWithTheBytesInOneRoundTrip() throws Exception {
        String recipe = "{\"system\": \"Lorenz\", \"trajectories\": 2, \"length\": 1500, \"seed\": 91}";
        HttpResponse<byte[]> first = postForBytes(recipe, "application/x-npy");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-npy");
        String id = first.headers().firstValue("X-Dataset-Id").orElseThrow();
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/datasets/" + id);
        assertThat(first.headers().firstValue("X-Dataset-Shape").orElseThrow()).isEqualTo("2,1500,3");
        double[][][] x = npy(first.body());
        assertThat(x.length).isEqualTo(2);
        assertThat(x[1].length).isEqualTo(1500);
        // The same bytes as the two-step way, and the checksum the description holds.
        assertThat(first.body()).isEqualTo(data(id, "all", "npy"));
        JsonNode described = json(get("/api/v1/datasets/" + id));
        assertThat(sha256OfData(first.body())).isEqualTo(described.path("checksum").asString())
                .isEqualTo(first.headers().firstValue("X-Dataset-Checksum").orElseThrow());

        // Posted again (octet-stream also asks for bytes): 200 with the same bytes.
        HttpResponse<byte[]> again = postForBytes(recipe, "application/octet-stream");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());

        // A wildcard keeps the JSON answer.
        HttpResponse<byte[]> wildcard = postForBytes(recipe, "*/*");
        assertThat(wildcard.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(new String(wildcard.body(), StandardCharsets.UTF_8)).contains(id);

        // A failed generation is described in JSON even when bytes were asked for.
        HttpResponse<byte[]> failed = postForBytes(
                "{\"system\": \"Logistic\", \"parameters\": {\"r\": 4.5}, \"initialConditions\": [[0.5]], \"seed\": 92}",
                "application/x-npy");
        assertThat(failed.statusCode()).isEqualTo(201);
        assertThat(new String(failed.body(), StandardCharsets.UTF_8)).contains("\"status\":\"failed\"", "diverged");
    }

    /**
     * Identical small recipes posted at the same moment: each generates (the bytes are the
     * recipe's), one insert wins, the others answer the winner's row; every answer carries the
     * same ready bytes.
     */
    @Test
    void identicalRecipesPostedAtOnceAllAnswerTheSameReadyBytes(@Autowired GenerationJobs jobs) throws Exception {
        String recipe = "{\"system\": \"Lorenz\", \"length\": 4000, \"seed\": 95}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<byte[]>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return postForBytes(recipe, "application/x-npy");
                }));
            }
            start.countDown();
            byte[] first = null;
            for (var f : answers) {
                HttpResponse<byte[]> r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.statusCode()).isIn(200, 201);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-npy");
                if (first == null) {
                    first = r.body();
                }
                assertThat(r.body()).isEqualTo(first);
            }
            String id = answers.get(0).get().headers().firstValue("X-Dataset-Id").orElseThrow();
            // no generation of it is left running
            assertThat(jobs.isRunning(id)).isFalse();
            assertThat(json(get("/api/v1/datasets/" + id)).path("status").asString()).isEqualTo("ready");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void recipePostedBeforeIsFoundWhetherThisInstanceRemembersItOrNot(@Autowired DatasetService service) throws Exception {
        String recipe = "{\"system\": \"Rossler\", \"length\": 1200, \"seed\": 93}";
        JsonNode first = create(recipe, 201);
        String id = first.path("id").asString();
        // As a fresh replica would: nothing remembered, so the database lookup must find it (and
        // stop the integration it runs beside), not generate and insert a second time.
        service.forget(id);
        JsonNode again = create(recipe, 200);
        assertThat(again.path("id").asString()).isEqualTo(id);
        assertThat(again.path("createdAt").asString()).isEqualTo(first.path("createdAt").asString());
        assertThat(again.path("checksum").asString()).isEqualTo(first.path("checksum").asString());
        try (Stream<Path> left = Files.list(files.directory())) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.startsWith(id) && n.endsWith(".tmp"));
        }
    }

    @Test
    void responseDescribesShapeSamplingSplitsAndRecipe() throws Exception {
        JsonNode d = create("{\"system\": \"Lorenz\", \"length\": 1000, \"pointsPerPeriod\": 50, \"seed\": 11}", 201);
        assertThat(d.path("shape").toString()).isEqualTo("[1,1000,3]");
        assertThat(d.path("samplingInterval").asDouble()).isEqualTo(1.5008 / 50);
        assertThat(d.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(d.path("splits").path("train").path("length").asInt()).isEqualTo(700);
        assertThat(d.path("splits").path("val").path("start").asInt()).isEqualTo(700);
        assertThat(d.path("splits").path("test").path("length").asInt()).isEqualTo(150);
        JsonNode recipe = d.path("recipe");
        assertThat(recipe.path("system").asString()).isEqualTo("Lorenz");
        assertThat(recipe.path("parameters").size()).isEqualTo(3);
        assertThat(recipe.path("transientPeriods").asDouble()).isEqualTo(10.0);
        assertThat(recipe.path("rtol").asDouble()).isEqualTo(1e-10);
        assertThat(recipe.path("initialConditions").isNull()).isTrue();
        assertThat(d.has("ready")).isFalse(); // helpers of the record are not part of the contract
        assertThat(json(get("/api/v1/datasets/" + d.path("id").asString())).path("checksum").asString())
                .isEqualTo(d.path("checksum").asString());
    }

    @Test
    void npyHeaderAndShapeParseBackAndSplitsTileTheTimeAxis() throws Exception {
        String id = create(LORENZ, 200, 201).path("id").asString();
        byte[] all = data(id, "all", "npy");
        assertThat(Arrays.copyOf(all, 8)).isEqualTo(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        Npy.Header h = Npy.readHeader(new ByteArrayInputStream(all));
        assertThat(h.shape()).containsExactly(2, 2000, 3);
        assertThat(h.headerLength() % 64).isZero();
        assertThat(new String(all, 10, h.headerLength() - 10, StandardCharsets.US_ASCII))
                .startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2000, 3), }")
                .endsWith("\n");
        assertThat(all.length).isEqualTo(h.headerLength() + 2 * 2000 * 3 * 8);

        double[][][] x = npy(all);
        double[][][] train = npy(data(id, "train", "npy"));
        double[][][] val = npy(data(id, "val", "npy"));
        double[][][] test = npy(data(id, "test", "npy"));
        assertThat(new int[] {train.length, train[0].length, train[0][0].length}).containsExactly(2, 1400, 3);
        assertThat(val[0].length).isEqualTo(300);
        assertThat(test[0].length).isEqualTo(300);
        for (int k = 0; k < 2; k++) {
            double[][] joined = Stream.of(train[k], val[k], test[k]).flatMap(Arrays::stream).toArray(double[][]::new);
            assertThat(joined).isDeepEqualTo(x[k]);
        }
        // drawn initial conditions differ per trajectory, and stay on the attractor
        assertThat(x[0][0]).isNotEqualTo(x[1][0]);
        for (double[] s : x[0]) {
            assertThat(Math.abs(s[0])).isLessThan(30);
            assertThat(s[2]).isBetween(0.0, 60.0);
        }
    }

    private JsonNode create(String recipe, int... allowed) throws Exception {
        HttpResponse<String> r = post("/api/v1/datasets", recipe);
        assertThat(r.statusCode()).as(r.body()).isIn(Arrays.stream(allowed).boxed().toList());
        return json(r);
    }

    @Test
    void csvAndJsonCarryTheSameNumbers() throws Exception {
        String id = create(LORENZ, 200, 201).path("id").asString();
        double[][][] test = npy(data(id, "test", "npy"));
        String csv = new String(data(id, "test", "csv"), StandardCharsets.UTF_8);
        String[] lines = csv.split("\n");
        assertThat(lines[0]).isEqualTo("trajectory,step,time,x0,x1,x2");
        assertThat(lines).hasSize(1 + 2 * 300);
        String[] first = lines[1].split(",");
        assertThat(first[0]).isEqualTo("0");
        assertThat(first[1]).isEqualTo("1700");
        assertThat(Double.parseDouble(first[2])).isCloseTo(1700 * 1.5008 / 100, within(1e-9));
        assertThat(Double.parseDouble(first[3])).isEqualTo(test[0][0][0]);
        String[] last = lines[600].split(",");
        assertThat(last[0]).isEqualTo("1");
        assertThat(Double.parseDouble(last[5])).isEqualTo(test[1][299][2]);

        JsonNode j = JSON.readTree(data(id, "test", "json"));
        assertThat(j.path("shape").toString()).isEqualTo("[2,300,3]");
        assertThat(j.path("startStep").asInt()).isEqualTo(1700);
        assertThat(j.path("data").get(1).get(299).get(2).asDouble()).isEqualTo(test[1][299][2]);
    }

    @Test
    void givenInitialConditionsStartTheTrajectories() throws Exception {
        JsonNode d = create(
                "{\"system\": \"Lorenz\", \"initialConditions\": [[1, 1, 1], [-5, 2, 20]], \"length\": 100,"
                        + " \"transientPeriods\": 0, \"split\": {\"train\": 1, \"val\": 0, \"test\": 0}}",
                201);
        assertThat(d.path("shape").toString()).isEqualTo("[2,100,3]");
        assertThat(d.path("splits").path("test").path("length").asInt()).isZero();
        double[][][] x = npy(data(d.path("id").asString(), "all", "npy"));
        assertThat(x[0][0]).containsExactly(new double[] {1, 1, 1}, within(1e-9));
        assertThat(x[1][0]).containsExactly(new double[] {-5, 2, 20}, within(1e-9));
        assertThat(npy(data(d.path("id").asString(), "val", "npy"))[0]).isEmpty();
    }

    @Test
    void mapsAreIteratedOnePointPerStep() throws Exception {
        JsonNode d = create("{\"system\": \"Henon\", \"initialConditions\": [[0.1, 0.1]], \"length\": 50, \"transientPeriods\": 0}", 201);
        assertThat(d.path("samplingInterval").asDouble()).isEqualTo(1.0);
        double[][][] x = npy(data(d.path("id").asString(), "all", "npy"));
        for (int i = 0; i + 1 < 50; i++) {
            double[] s = x[0][i];
            assertThat(x[0][i + 1][0]).isCloseTo(1 - 1.4 * s[0] * s[0] + s[1], within(1e-12));
            assertThat(x[0][i + 1][1]).isCloseTo(0.3 * s[0], within(1e-12));
        }
    }

    @Test
    void delayEquationsAreSampledLikeFlows() throws Exception {
        JsonNode d = create("{\"system\": \"MackeyGlass\", \"trajectories\": 2, \"length\": 300, \"seed\": 12}", 201);
        assertThat(d.path("status").asString()).as(d.toString()).isEqualTo("ready");
        assertThat(d.path("shape").get(0).asInt()).isEqualTo(2);
        assertThat(d.path("shape").get(1).asInt()).isEqualTo(300);
        double[][][] x = npy(data(d.path("id").asString(), "all", "npy"));
        assertThat(x[0][299]).isNotEqualTo(x[1][299]);
        for (double[] s : x[0]) {
            assertThat(Double.isFinite(s[0])).isTrue();
        }
    }

    @Test
    void standardisedDataHasZeroMeanAndUnitStdOnTheTrainingSplit() throws Exception {
        JsonNode d = create("{\"system\": \"Lorenz\", \"length\": 3000, \"standardize\": true, \"noise\": 0.1, \"seed\": 3}", 201);
        JsonNode st = d.path("standardization");
        assertThat(st.path("mean").size()).isEqualTo(3);
        assertThat(st.path("std").get(2).asDouble()).isBetween(5.0, 12.0);
        double[][] train = npy(data(d.path("id").asString(), "train", "npy"))[0];
        for (int i = 0; i < 3; i++) {
            double sum = 0, sq = 0;
            for (double[] s : train) {
                sum += s[i];
            }
            double mean = sum / train.length;
            for (double[] s : train) {
                sq += (s[i] - mean) * (s[i] - mean);
            }
            assertThat(mean).isCloseTo(0, within(1e-9));
            assertThat(Math.sqrt(sq / train.length)).isCloseTo(1, within(1e-9));
        }
        // the noise is really there: the same recipe without noise differs by about 0.1 std
        JsonNode clean = create("{\"system\": \"Lorenz\", \"length\": 3000, \"standardize\": true, \"noise\": 0, \"seed\": 3}", 201);
        double[][] cleanTrain = npy(data(clean.path("id").asString(), "train", "npy"))[0];
        double sq = 0;
        for (int t = 0; t < train.length; t++) {
            sq += Math.pow(train[t][0] - cleanTrain[t][0], 2);
        }
        assertThat(Math.sqrt(sq / train.length)).isBetween(0.07, 0.13);
    }

    @Test
    void lostCacheFileIsRegeneratedAndCheckedAgainstTheChecksum(@Autowired DatasetService service) throws Exception {
        JsonNode d = create("{\"system\": \"Rossler\", \"trajectories\": 2, \"length\": 500, \"seed\": 5, \"noise\": 0.05}", 201);
        String id = d.path("id").asString();
        byte[] before = data(id, "all", "npy");
        Path file = files.path(id);
        Files.delete(file);
        byte[] after = data(id, "all", "npy");
        assertThat(after).isEqualTo(before);
        assertThat(Files.exists(file)).isTrue();
        // a truncated cache file counts as lost too
        Files.write(file, Arrays.copyOf(before, 1000));
        assertThat(data(id, "all", "npy")).isEqualTo(before);
        // a file of the right size but other bytes, as a crash may leave it, is caught by the
        // checksum check on the first read of a new process (simulated by forgetting the check)
        byte[] garbled = before.clone();
        garbled[garbled.length - 3] ^= 1;
        Files.write(file, garbled);
        service.forget(id);
        assertThat(data(id, "all", "npy")).isEqualTo(before);
    }

    @Test
    void regeneratedBytesThatDoNotMatchTheChecksumAreNeverServed(
            @Autowired JdbcClient jdbc, @Autowired DatasetService service) throws Exception {
        JsonNode d = create("{\"system\": \"Rossler\", \"length\": 200, \"seed\": 99}", 201);
        String id = d.path("id").asString();
        // as if another build had made it
        jdbc.sql("UPDATE datasets.dataset SET checksum = :c WHERE id = :id").param("c", "0".repeat(64)).param("id", id).update();
        service.forget(id); // as a freshly started instance
        Files.delete(files.path(id));
        HttpResponse<String> r = get("/api/v1/datasets/" + id + "/data");
        JsonNode p = assertProblem(r, 500, "checksum-mismatch", null);
        assertThat(p.path("detail").asString()).contains("0".repeat(64));
        assertThat(Files.exists(files.path(id))).isFalse();
    }

    @Test
    void largeRecipesGenerateInTheBackgroundWithProgress() throws Exception {
        Timer generated = meters.get(GenerationMetrics.GENERATION).tags("mode", "background", "outcome", "ready").timer();
        Counter points = meters.get(GenerationMetrics.POINTS).tags("mode", "background").counter();
        long generatedBefore = generated.count();
        double pointsBefore = points.count();
        // above the test's synchronous limit of 20 000 points
        JsonNode d = create("{\"system\": \"Lorenz\", \"trajectories\": 4, \"length\": 60000, \"seed\": 1}", 202);
        String id = d.path("id").asString();
        assertThat(d.path("status").asString()).isEqualTo("generating");
        assertThat(d.path("checksum").isNull()).isTrue();
        JsonNode notReady = assertProblem(get("/api/v1/datasets/" + id + "/data"), 409, "dataset-not-ready", "id");
        assertThat(notReady.path("detail").asString()).contains("generating");
        // posting it again while it runs is answered from the row, not generated twice
        assertThat(create("{\"system\": \"Lorenz\", \"trajectories\": 4, \"length\": 60000, \"seed\": 1}", 200)
                .path("id").asString()).isEqualTo(id);

        double lastProgress = 0;
        boolean sawIntermediate = false;
        JsonNode state = d;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!state.path("status").asString().equals("ready") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            state = json(get("/api/v1/datasets/" + id));
            double progress = state.path("progress").asDouble();
            assertThat(progress).isGreaterThanOrEqualTo(lastProgress);
            sawIntermediate |= progress > 0 && progress < 1;
            lastProgress = progress;
        }
        assertThat(state.path("status").asString()).isEqualTo("ready");
        assertThat(sawIntermediate).isTrue();
        assertThat(state.path("progress").asDouble()).isEqualTo(1.0);
        // other tests' background generations may finish meanwhile, never fewer
        assertThat(generated.count()).isGreaterThanOrEqualTo(generatedBefore + 1);
        assertThat(points.count()).isGreaterThanOrEqualTo(pointsBefore + 4 * 60000);
        byte[] bytes = data(id, "all", "npy");
        assertThat(Npy.readHeader(new ByteArrayInputStream(bytes)).shape()).containsExactly(4, 60000, 3);
        assertThat(sha256OfData(bytes)).isEqualTo(state.path("checksum").asString());
    }

    @Test
    void fewPointsWithALongIntegrationGoToTheBackground() throws Exception {
        // 30 points but 3 x (10 000 transient + 9 sampled + 50 drawn) iterations: more than the
        // 20 000 integrated periods a request may hold the connection for
        JsonNode d = create("{\"system\": \"Henon\", \"trajectories\": 3, \"length\": 10, \"transientPeriods\": 10000, \"seed\": 5}", 202);
        assertThat(d.path("status").asString()).isEqualTo("generating");
        String id = d.path("id").asString();
        JsonNode state = d;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!state.path("status").asString().equals("ready") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            state = json(get("/api/v1/datasets/" + id));
        }
        assertThat(state.path("status").asString()).isEqualTo("ready");
        // the same points with a short transient stay inside the request
        assertThat(create("{\"system\": \"Henon\", \"trajectories\": 3, \"length\": 10, \"transientPeriods\": 100, \"seed\": 5}", 201)
                .path("status").asString()).isEqualTo("ready");
    }

    @Test
    void aDelayOutOfRangeIsRefusedBeforeAnythingIsStored() throws Exception {
        long failedBefore = json(get("/api/v1/datasets?system=MackeyGlass&status=failed")).path("total").asLong();
        long allBefore = json(get("/api/v1/datasets?system=MackeyGlass")).path("total").asLong();
        // tau = 0 used to be answered 201 with a failed dataset stored for good
        assertProblem(post("/api/v1/datasets", "{\"system\": \"MackeyGlass\", \"length\": 100, \"parameters\": {\"tau\": 0}}"),
                400, "invalid-field", "parameters.tau");
        assertThat(json(get("/api/v1/datasets?system=MackeyGlass&status=failed")).path("total").asLong()).isEqualTo(failedBefore);
        assertThat(json(get("/api/v1/datasets?system=MackeyGlass")).path("total").asLong()).isEqualTo(allBefore);
    }

    @Test
    void generationsAreTimedAndCountedForOperators() throws Exception {
        Timer ready = meters.get(GenerationMetrics.GENERATION).tags("mode", "request", "outcome", "ready").timer();
        Timer failed = meters.get(GenerationMetrics.GENERATION).tags("mode", "request", "outcome", "failed").timer();
        Timer recording = meters.get(GenerationMetrics.RECORDING).tags("mode", "request").timer();
        Counter points = meters.get(GenerationMetrics.POINTS).tags("mode", "request").counter();
        long readyBefore = ready.count();
        double readySeconds = ready.totalTime(TimeUnit.SECONDS);
        long failedBefore = failed.count();
        long recordedBefore = recording.count();
        double pointsBefore = points.count();

        String recipe = "{\"system\": \"Lorenz\", \"trajectories\": 2, \"length\": 1500, \"seed\": 4242}";
        create(recipe, 201);
        assertThat(ready.count()).isEqualTo(readyBefore + 1);
        assertThat(ready.totalTime(TimeUnit.SECONDS)).isGreaterThan(readySeconds);
        assertThat(points.count()).isEqualTo(pointsBefore + 2 * 1500);
        assertThat(recording.count()).isEqualTo(recordedBefore + 1);

        // Posted again: answered from the row; nothing is generated or recorded.
        create(recipe, 200);
        assertThat(ready.count()).isEqualTo(readyBefore + 1);
        assertThat(recording.count()).isEqualTo(recordedBefore + 1);

        // A diverging recipe: a failed generation, recorded, and no points.
        create("{\"system\": \"Logistic\", \"parameters\": {\"r\": 4.5}, \"initialConditions\": [[0.5]], \"seed\": 4243}", 201);
        assertThat(failed.count()).isEqualTo(failedBefore + 1);
        assertThat(points.count()).isEqualTo(pointsBefore + 2 * 1500);
        assertThat(recording.count()).isEqualTo(recordedBefore + 2);

        String exposed = get("/actuator/prometheus").body();
        assertThat(exposed).contains(
                "chaoscast_datasets_generation_seconds_count{mode=\"request\",outcome=\"ready\"}",
                "chaoscast_datasets_generation_seconds_count{mode=\"background\",outcome=\"superseded\"}",
                "chaoscast_datasets_points_total{mode=\"request\"}",
                "chaoscast_datasets_recording_seconds_count{mode=\"request\"}");
    }

    @Test
    void divergingRecipeFailsWithItsReasonAndLeavesNoBytes() throws Exception {
        JsonNode d = create("{\"system\": \"Logistic\", \"parameters\": {\"r\": 4.5}, \"initialConditions\": [[0.5]], \"seed\": 5}", 201);
        String id = d.path("id").asString();
        assertThat(d.path("status").asString()).isEqualTo("failed");
        assertThat(d.path("failureReason").asString()).contains("diverged");
        assertThat(d.path("checksum").isNull()).isTrue();
        JsonNode p = assertProblem(get("/api/v1/datasets/" + id + "/data"), 409, "dataset-not-ready", "id");
        assertThat(p.path("detail").asString()).contains("failed", "diverged");
        assertThat(Files.exists(files.path(id))).isFalse();
        try (Stream<Path> left = Files.list(files.directory())) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.startsWith(id));
        }

        JsonNode flow = create(
                "{\"system\": \"Lorenz\", \"parameters\": {\"beta\": -5}, \"initialConditions\": [[1, 1, 1]], \"length\": 1000}", 201);
        assertThat(flow.path("status").asString()).isEqualTo("failed");
        assertThat(flow.path("failureReason").asString()).isNotBlank();
    }

    @Test
    void listsDatasetsNewestFirstInPages() throws Exception {
        for (int seed = 100; seed < 103; seed++) {
            create("{\"system\": \"Henon\", \"length\": 10, \"seed\": " + seed + "}", 201);
        }
        JsonNode page = json(get("/api/v1/datasets?size=2&system=henon&status=ready"));
        assertThat(page.path("items").size()).isEqualTo(2);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.path("size").asInt()).isEqualTo(2);
        page.path("items").forEach(i -> assertThat(i.path("recipe").path("system").asString()).isEqualTo("Henon"));
        JsonNode second = json(get("/api/v1/datasets?size=2&page=1&system=Henon"));
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("items").get(0).path("id").asString())
                .isNotIn(page.path("items").get(0).path("id").asString(), page.path("items").get(1).path("id").asString());
        assertProblem(get("/api/v1/datasets?size=0"), 400, "invalid-field", "size");
        assertProblem(get("/api/v1/datasets?page=abc"), 400, "invalid-field", "page");
        assertProblem(get("/api/v1/datasets?status=done"), 400, "invalid-field", "status");
    }
}
