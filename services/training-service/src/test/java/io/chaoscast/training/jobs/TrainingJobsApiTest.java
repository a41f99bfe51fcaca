package io.chaoscast.training.jobs;

import io.chaoscast.contracts.datasets.DatasetRequest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.contracts.datasets.DatasetResponse;
import io.chaoscast.contracts.results.LatestMetricResponse;
import io.chaoscast.contracts.results.MetricHistoryResponse;
import io.chaoscast.contracts.results.ModelResponse;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.testsupport.PostgresIntegrationTest;
import io.chaoscast.testsupport.TestTokens;
import io.chaoscast.training.support.Upstreams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training-service end to end against the real dataset- and results-service (started in this
 * JVM) and real PostgreSQL: real data, real DJL training on tiny settings, real uploads.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chaoscast.training.workers=1", "chaoscast.training.poll-interval=100ms"})
@PostgresIntegrationTest
class TrainingJobsApiTest {

    private static Upstreams upstreams;
    private static String datasetId;

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobWorkers workers;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) throws Exception {
        if (upstreams == null) {
            upstreams = Upstreams.start();
            // Two short Lorenz trajectories: 20 periods each at 50 points per period.
            DatasetResponse d = upstreams.datasetClient().createAndAwait(
                    DatasetRequest.builder("Lorenz").trajectories(2).length(1000).pointsPerPeriod(50.0).seed(7L)
                            .split(0.6, 0.2, 0.2).build(),
                    Duration.ofMinutes(2));
            datasetId = d.id();
        }
        upstreams.register(registry);
    }

    @Test
    void everyWriteAnswers401WithoutTokenAnd403WithReadToken() {
        URI base = uri("/");
        var ops = io.chaoscast.testsupport.AccessCheck.assertGuarded(base,
                io.chaoscast.testsupport.AccessCheck.createToken(base, "reader", "read"),
                io.chaoscast.testsupport.AccessCheck.createToken(base, "writer", "write"));
        assertThat(ops).extracting(Object::toString).contains(
                "POST /api/v1/training-jobs", "POST /api/v1/training-jobs/00000000-0000-0000-0000-000000000000/cancel");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(TestTokens.request(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(TestTokens.request(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitFinal(String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = json.readTree(get("/api/v1/training-jobs/" + jobId).body());
            String status = job.get("status").asText();
            if (status.equals("succeeded") || status.equals("failed") || status.equals("cancelled")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + jobId + " did not finish in 4 minutes");
    }

    private Map<String, Double> latest(ResultsClient client, UUID runId) {
        return client.latestMetrics(runId).stream().collect(Collectors.toMap(LatestMetricResponse::key, LatestMetricResponse::value));
    }

    @Test
    void jobWithOnlyDatasetAndTypeTrainsEvaluatesAndRegistersTheModel() throws Exception {
        HttpResponse<String> r = post("/api/v1/training-jobs", "{\"datasetId\":\"" + datasetId + "\",\"model\":{\"type\":\"linear\"}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode accepted = json.readTree(r.body());
        assertThat(accepted.get("status").asText()).isIn("queued", "running", "succeeded");
        UUID runId = UUID.fromString(accepted.get("runId").asText());

        JsonNode job = awaitFinal(accepted.get("id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");

        ResultsClient client = upstreams.resultsClient();
        RunResponse run = client.getRun(runId);
        assertThat(run.status().wireName()).isEqualTo("finished");
        assertThat(run.params()).containsEntry("model.order", "16").containsKey("training.seed");
        Map<String, Double> m = latest(client, runId);
        assertThat(m).containsKeys("test_mse", "test_mae", "test_smape", "test_vpt_median", "test_vpt_nrmse_median", "train_seconds");
        assertThat(m.get("test_mse")).isPositive();
        assertThat(m.get("test_vpt_median")).isPositive();

        // Done: the message says so, not the delivery it was at last.
        assertThat(job.get("progress").get("message").asText()).isEqualTo("succeeded");
        assertThat(job.get("progress").get("epoch").asInt()).isEqualTo(1);

        ModelResponse model = client.getModel(UUID.fromString(job.get("modelId").asText()));
        assertThat(model.name()).isEqualTo("Lorenz-linear");
        assertThat(model.runId()).isEqualTo(runId);
        assertThat(client.downloadArtifactBytes(runId, model.artifactName())).isNotEmpty();
    }

    @Test
    void evaluationSettingsDecideTheOriginsAndTheHorizon() throws Exception {
        HttpResponse<String> r = post("/api/v1/training-jobs", "{\"datasetId\":\"" + datasetId + "\",\"model\":{\"type\":\"linear\"},"
                + "\"evaluation\":{\"origins\":7,\"horizonLyapunovTimes\":2}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode accepted = json.readTree(r.body());
        JsonNode job = awaitFinal(accepted.get("id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
        UUID runId = UUID.fromString(accepted.get("runId").asText());
        ResultsClient client = upstreams.resultsClient();
        assertThat(client.getRun(runId).params()).containsEntry("evaluation.origins", "7").containsEntry("evaluation.horizonLyapunovTimes", "2.0");
        Map<String, Double> m = latest(client, runId);
        assertThat(m.get("test_origins")).isEqualTo(7.0);
        // No origin's valid prediction time can exceed the rollout it was measured on.
        assertThat(m.get("test_vpt_median")).isLessThanOrEqualTo(2.0 + 1e-9);
        assertThat(m.get("test_backtest_origins")).isLessThanOrEqualTo(7.0);
    }

    @Test
    void jobsAtTheLongestContextTheDatasetAllowsSucceedAndOneMoreIsRefused() throws Exception {
        // Splits of 600, 200 and 200 points: linear and ESN tune their ridge penalty on 100-step
        // validation rollouts, so the order and the warmup may be at most 200 - 100.
        for (String model : new String[] {"{\"type\":\"linear\",\"order\":100}", "{\"type\":\"esn\",\"warmup\":100,\"reservoirSize\":10}"}) {
            HttpResponse<String> r = post("/api/v1/training-jobs", "{\"datasetId\":\"" + datasetId + "\",\"model\":" + model + "}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            JsonNode job = awaitFinal(json.readTree(r.body()).get("id").asText());
            assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
        }
        assertProblem(post("/api/v1/training-jobs", "{\"datasetId\":\"" + datasetId + "\",\"model\":{\"type\":\"linear\",\"order\":101}}"),
                400, "model.order");
        assertProblem(post("/api/v1/training-jobs",
                "{\"datasetId\":\"" + datasetId + "\",\"model\":{\"type\":\"esn\",\"warmup\":101,\"reservoirSize\":10}}"), 400, "model.warmup");
    }

    private static final String EARLY_EXIT = "{\"datasetId\":\"%s\",\"model\":{\"type\":\"early-exit\",\"contextLength\":8,"
            + "\"horizon\":4,\"width\":16,\"blocks\":3,\"uemHidden\":8,\"stride\":4},"
            + "\"training\":{\"epochs\":2,\"batchSize\":64,\"seed\":%d}}";

    @Test
    void earlyExitJobLogsEpochsEveryExitAndTheDynamicPolicyAndIsReproducible() throws Exception {
        String first = json.readTree(post("/api/v1/training-jobs", EARLY_EXIT.formatted(datasetId, 11)).body()).get("id").asText();
        String second = json.readTree(post("/api/v1/training-jobs", EARLY_EXIT.formatted(datasetId, 11)).body()).get("id").asText();
        JsonNode a = awaitFinal(first);
        JsonNode b = awaitFinal(second);
        assertThat(a.get("status").asText()).as(a.toString()).isEqualTo("succeeded");
        assertThat(b.get("status").asText()).as(b.toString()).isEqualTo("succeeded");
        assertThat(a.get("progress").get("epochs").asInt()).isEqualTo(2);
        // The last epoch's losses survive the evaluation and upload phases.
        assertThat(a.get("progress").get("trainLoss").isNumber()).as(a.toString()).isTrue();
        assertThat(a.get("progress").get("valLoss").isNumber()).as(a.toString()).isTrue();

        ResultsClient client = upstreams.resultsClient();
        UUID runA = UUID.fromString(a.get("runId").asText());
        UUID runB = UUID.fromString(b.get("runId").asText());
        assertThat(a.get("progress").get("message").asText())
                .isEqualTo("succeeded; all 2 epochs trained; the model keeps the weights of epoch " + bestEpoch(client, runA));
        Map<String, Double> m = latest(client, runA);
        // The searches: the base's chosen library, the blend weight and every library trial as a child run.
        assertThat(m).containsKeys("base_taps", "base_skip", "base_order", "base_trig", "base_features", "blend_weight",
                "test_vpt_nrmse_median");
        assertThat(m.get("blend_weight")).isBetween(0.0, 1.0);
        var children = client.listRuns(new io.chaoscast.contracts.results.ListRunsRequest(
                        null, null, null, null, null, Map.of("parentRunId", runA.toString()), null, null, 0, 100))
                .items().stream()
                .filter(r -> r.params() != null && runA.toString().equals(r.params().get("parentRunId")))
                .toList();
        assertThat(children).isNotEmpty();
        assertThat(children).anyMatch(r -> "true".equals(r.params().get("chosen")));
        // One closed child run per trial.
        assertThat(children.stream().map(r -> r.params().get("trial")).distinct().count()).isEqualTo(children.size());
        assertThat(children).allMatch(r -> r.status().wireName().equals("finished"));
        assertThat(m).containsKeys("test_mse_exit_1", "test_mse_exit_2", "test_mse_exit_3", "test_dynamic_mse",
                "test_dynamic_vpt_median", "test_dynamic_depth_fraction", "test_oracle_depth_fraction", "calibrated_threshold");
        assertThat(m.get("test_dynamic_depth_fraction")).isBetween(1.0 / 3, 1.0);
        // The forecast-level calibration: defaults, the measured risk, one decision against one block.
        assertThat(m).containsKeys("test_dynamic_risk", "test_dynamic_risk_depth_fraction");
        assertThat(m.get("calibrated_tolerance")).isEqualTo(0.05);
        assertThat(m.get("calibrated_confidence")).isEqualTo(0.9);
        assertThat(m.get("test_dynamic_risk")).isBetween(-1.0, 1.0);
        assertThat(m.get("decision_cost_fraction")).isPositive();

        MetricHistoryResponse lossA = client.metricHistory(runA, "train_loss", 0, 100);
        MetricHistoryResponse lossB = client.metricHistory(runB, "train_loss", 0, 100);
        assertThat(lossA.points()).hasSize(2);
        // Same seed, same data, same spec: the same loss curve on CPU.
        assertThat(lossB.points().stream().map(p -> p.value()).toList())
                .isEqualTo(lossA.points().stream().map(p -> p.value()).toList());
    }

    @Test
    void cancellingARunningJobStopsItAndCancelsItsRun() throws Exception {
        String body = "{\"datasetId\":\"" + datasetId + "\",\"model\":{\"type\":\"early-exit\",\"contextLength\":8,\"horizon\":4,"
                + "\"width\":16,\"blocks\":2},\"training\":{\"epochs\":1000,\"batchSize\":16,\"earlyStoppingPatience\":0}}";
        JsonNode accepted = json.readTree(post("/api/v1/training-jobs", body).body());
        String id = accepted.get("id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!json.readTree(get("/api/v1/training-jobs/" + id).body()).get("status").asText().equals("running")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(post("/api/v1/training-jobs/" + id + "/cancel", "").statusCode()).isEqualTo(200);
        JsonNode job = awaitFinal(id);
        assertThat(job.get("status").asText()).isEqualTo("cancelled");
        assertThat(job.get("failureReason").asText()).isEqualTo("cancelled by request");
        RunResponse run = upstreams.resultsClient().getRun(UUID.fromString(accepted.get("runId").asText()));
        assertThat(run.status().wireName()).isEqualTo("cancelled");
    }

    @Test
    void deliveryDoneAgainAfterACrashLeavesTheJobSucceededWithItsModel() throws Exception {
        HttpResponse<String> r = post("/api/v1/training-jobs", "{\"datasetId\":\"" + datasetId + "\",\"model\":{\"type\":\"persistence\"}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode accepted = json.readTree(r.body());
        String id = accepted.get("id").asText();
        UUID runId = UUID.fromString(accepted.get("runId").asText());
        JsonNode first = awaitFinal(id);
        assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("succeeded");
        String modelId = first.get("modelId").asText();

        // The worker's process died after the delivery had closed the run, before the outbox
        // recorded the delivery done and before the job's success was committed: the job is still
        // running under a lease that has now run out. (With the delivery recorded, the sweep ends
        // the job succeeded without taking it up again; JobQueueTest covers that.)
        int rewound = jdbc.sql("UPDATE training.jobs SET status = 'running', model_id = NULL, finished_at = NULL, run_closed = false,"
                        + " lease_owner = 'crashed-worker', lease_expires_at = now() - interval '1 second' WHERE id = :id")
                .param("id", UUID.fromString(id))
                .update();
        assertThat(rewound).isEqualTo(1);
        assertThat(jdbc.sql("UPDATE training.outbox SET delivered_at = NULL WHERE job_id = :id").param("id", UUID.fromString(id)).update())
                .isEqualTo(1);

        JsonNode redone = awaitFinal(id);
        assertThat(redone.get("status").asText()).as(redone.toString()).isEqualTo("succeeded");
        assertThat(redone.get("attempts").asInt()).as(redone.toString()).isEqualTo(2);
        assertThat(redone.get("modelId").asText()).isEqualTo(modelId);
        ResultsClient client = upstreams.resultsClient();
        assertThat(client.getRun(runId).status().wireName()).isEqualTo("finished");
        // One model for the run: the delivery done again registered nothing new.
        assertThat(client.listModels("Lorenz-persistence", 0, 100).items()).filteredOn(m -> m.runId().equals(runId))
                .extracting(m -> m.id().toString())
                .containsExactly(modelId);
    }

    private int epoch(String jobId) throws Exception {
        JsonNode e = json.readTree(get("/api/v1/training-jobs/" + jobId).body()).get("progress").get("epoch");
        return e.isNull() ? 0 : e.asInt();
    }

    private void awaitEpoch(String jobId, int epoch) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (epoch(jobId) < epoch) {
            assertThat(System.nanoTime()).as("job %s reaches epoch %d", jobId, epoch).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The steps of a metric's history in the run, in order: each epoch once, none missing. */
    private static List<Long> steps(ResultsClient client, UUID runId, String key) {
        return client.metricHistory(runId, key, 0, 10_000).points().stream().map(p -> p.step()).toList();
    }

    /** The epoch of the lowest validation forecast loss in the run's curve: the weights training keeps. */
    private static long bestEpoch(ResultsClient client, UUID runId) {
        return client.metricHistory(runId, "val_forecast_loss", 0, 10_000).points().stream()
                .min(java.util.Comparator.comparingDouble(p -> p.value()))
                .orElseThrow()
                .step();
    }

    private static List<Long> oneTo(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    private static final String LONG_EARLY_EXIT = "{\"datasetId\":\"%s\",\"model\":{\"type\":\"early-exit\",\"contextLength\":8,"
            + "\"horizon\":4,\"width\":16,\"blocks\":2,\"stride\":4,\"baseSearchSeconds\":0},"
            + "\"training\":{\"epochs\":%d,\"batchSize\":16,\"earlyStoppingPatience\":0}}";

    @Test
    void aJobCancelledWhileTheResultsServiceIsDownStillGetsEveryEpochItLoggedIntoItsRun() throws Exception {
        JsonNode accepted = json.readTree(post("/api/v1/training-jobs", LONG_EARLY_EXIT.formatted(datasetId, 1000)).body());
        String id = accepted.get("id").asText();
        UUID runId = UUID.fromString(accepted.get("runId").asText());
        awaitEpoch(id, 2);
        JsonNode job;
        upstreams.stopResults();
        try {
            // Epochs logged while nobody can take their points, then the cancel, still in the outage.
            awaitEpoch(id, epoch(id) + 3);
            assertThat(post("/api/v1/training-jobs/" + id + "/cancel", "").statusCode()).isEqualTo(200);
            job = awaitFinal(id);
            assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("cancelled");
        } finally {
            upstreams.startResults();
        }
        int reached = job.get("progress").get("epoch").asInt();
        ResultsClient client = upstreams.resultsClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!client.getRun(runId).status().wireName().equals("cancelled")) {
            assertThat(System.nanoTime()).as("the sweeper closes the run").isLessThan(deadline);
            Thread.sleep(200);
        }
        for (String key : List.of("train_loss", "val_loss", "val_forecast_loss")) {
            assertThat(steps(client, runId, key)).as(key).isEqualTo(oneTo(reached));
        }
    }

    @Test
    void aJobThatStoppedEarlyReportsTheEpochItReachedAndSaysSo() throws Exception {
        // Patience 1 or the 3-second budget ends it long before 300 epochs.
        String body = "{\"datasetId\":\"" + datasetId + "\",\"model\":{\"type\":\"early-exit\",\"contextLength\":8,\"horizon\":4,"
                + "\"width\":16,\"blocks\":2,\"stride\":4,\"baseSearchSeconds\":0,\"timeBudgetSeconds\":3},"
                + "\"training\":{\"epochs\":300,\"batchSize\":64,\"earlyStoppingPatience\":1}}";
        JsonNode accepted = json.readTree(post("/api/v1/training-jobs", body).body());
        JsonNode job = awaitFinal(accepted.get("id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
        JsonNode progress = job.get("progress");
        int reached = progress.get("epoch").asInt();
        assertThat(progress.get("epochs").asInt()).isEqualTo(300);
        assertThat(reached).as(job.toString()).isBetween(1, 299);
        // The epoch shown is the last one the run holds.
        UUID runId = UUID.fromString(accepted.get("runId").asText());
        assertThat(steps(upstreams.resultsClient(), runId, "train_loss")).isEqualTo(oneTo(reached));
        assertThat(progress.get("message").asText())
                .isEqualTo("succeeded; training stopped early after epoch " + reached + " of 300; the model keeps the weights of epoch "
                        + bestEpoch(upstreams.resultsClient(), runId));
    }

    @Test
    void aJobTakenUpAgainKeepsShowingItsEpochAndItsRunGetsEachEpochOnce() throws Exception {
        // Every epoch the job ever shows, in order (a poll would miss a brief step back).
        jdbc.sql("CREATE TABLE IF NOT EXISTS training.test_epochs_shown (seq bigserial PRIMARY KEY, job_id uuid, epoch integer)").update();
        jdbc.sql("CREATE OR REPLACE FUNCTION training.test_log_epoch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " INSERT INTO training.test_epochs_shown (job_id, epoch) VALUES (NEW.id, NEW.epoch); RETURN NEW; END $$").update();
        jdbc.sql("DROP TRIGGER IF EXISTS test_log_epoch ON training.jobs").update();
        jdbc.sql("CREATE TRIGGER test_log_epoch AFTER UPDATE OF epoch ON training.jobs FOR EACH ROW"
                + " WHEN (NEW.epoch IS DISTINCT FROM OLD.epoch) EXECUTE FUNCTION training.test_log_epoch()").update();
        try {
            JsonNode accepted = json.readTree(post("/api/v1/training-jobs", LONG_EARLY_EXIT.formatted(datasetId, 10)).body());
            String id = accepted.get("id").asText();
            awaitEpoch(id, 3);
            // The replica shuts down: the job goes back to the queue and resumes from its checkpoint.
            workers.stop();
            JsonNode handedBack = json.readTree(get("/api/v1/training-jobs/" + id).body());
            assertThat(handedBack.get("status").asText()).as(handedBack.toString()).isEqualTo("queued");
            int checkpointed = handedBack.get("progress").get("epoch").asInt();
            workers.start();
            JsonNode job = awaitFinal(id);
            assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
            assertThat(job.get("progress").get("epoch").asInt()).isEqualTo(10);

            List<Integer> shown = jdbc.sql("SELECT epoch FROM training.test_epochs_shown WHERE job_id = :id ORDER BY seq")
                    .param("id", UUID.fromString(id))
                    .query(Integer.class)
                    .list();
            assertThat(shown).contains(checkpointed);
            assertThat(shown).as("epochs shown, in order").isSorted();
            assertThat(steps(upstreams.resultsClient(), UUID.fromString(accepted.get("runId").asText()), "train_loss")).isEqualTo(oneTo(10));
        } finally {
            workers.start();
            jdbc.sql("DROP TRIGGER IF EXISTS test_log_epoch ON training.jobs").update();
        }
    }

    private void assertProblem(HttpResponse<String> r, int status, String field) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json.readTree(r.body()).get("code").asText()).as(r.body()).isIn("invalid-field", "malformed-body", "not-found");
        if (field != null) {
            assertThat(json.readTree(r.body()).get("field").asText()).as(r.body()).isEqualTo(field);
        }
    }

    @Test
    void badRequestsAreProblemDetailsNamingTheFieldAndWriteNothing() throws Exception {
        long before = json.readTree(get("/api/v1/training-jobs").body()).get("total").asLong();
        String ds = datasetId;
        assertProblem(post("/api/v1/training-jobs", "{\"datasetId\":\"nope\",\"model\":{\"type\":\"linear\"}}"), 404, "datasetId");
        assertProblem(post("/api/v1/training-jobs", "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"gpt\"}}"), 400, "model.type");
        assertProblem(post("/api/v1/training-jobs", "{\"datasetId\":\"" + ds + "\"}"), 400, "model");
        assertProblem(post("/api/v1/training-jobs", "{\"model\":{\"type\":\"linear\"}}"), 400, "datasetId");
        assertProblem(post("/api/v1/training-jobs",
                "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"early-exit\",\"blocks\":0}}"), 400, "model.blocks");
        assertProblem(post("/api/v1/training-jobs",
                "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"early-exit\",\"contextLength\":900}}"), 400, "model.contextLength");
        assertProblem(post("/api/v1/training-jobs",
                "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"early-exit\",\"gradientClipNorm\":-1}}"), 400,
                "model.gradientClipNorm");
        assertProblem(post("/api/v1/training-jobs",
                "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"early-exit\",\"distillationWeight\":101}}"), 400,
                "model.distillationWeight");
        assertProblem(post("/api/v1/training-jobs",
                "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"nvar\",\"depth\":3}}"), 400, "model.depth");
        assertProblem(post("/api/v1/training-jobs",
                "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"early-exit\",\"base\":\"gpt\"}}"), 400, "model.base");
        assertProblem(post("/api/v1/training-jobs",
                "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"early-exit\",\"contextLength\":2}}"), 400,
                "model.contextLength");
        assertProblem(post("/api/v1/training-jobs",
                "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"linear\"},\"training\":{\"learningRate\":1e999}}"), 400,
                "training.learningRate");
        assertProblem(post("/api/v1/training-jobs",
                "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"linear\"},\"training\":{\"epochs\":0}}"), 400, "training.epochs");
        assertProblem(post("/api/v1/training-jobs",
                "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"linear\"},\"training\":{\"epochs\":\"many\"}}"), 400,
                "training.epochs");
        assertProblem(post("/api/v1/training-jobs",
                "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"linear\"},\"evaluation\":{\"origins\":0}}"), 400, "evaluation.origins");
        assertProblem(post("/api/v1/training-jobs",
                "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"linear\"},\"evaluation\":{\"horizonLyapunovTimes\":101}}"), 400,
                "evaluation.horizonLyapunovTimes");
        assertProblem(post("/api/v1/training-jobs", "{\"datasetId\": ["), 400, null);
        assertProblem(get("/api/v1/training-jobs/" + UUID.randomUUID()), 404, "id");
        assertProblem(get("/api/v1/training-jobs/not-a-uuid"), 400, "id");
        assertProblem(get("/api/v1/training-jobs?status=sleeping"), 400, "status");
        assertProblem(get("/api/v1/training-jobs?size=0"), 400, "size");
        assertProblem(post("/api/v1/training-jobs/" + UUID.randomUUID() + "/cancel", ""), 404, "id");
        long after = json.readTree(get("/api/v1/training-jobs").body()).get("total").asLong();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void listingPagesAndFiltersByStatus() throws Exception {
        post("/api/v1/training-jobs", "{\"datasetId\":\"" + datasetId + "\",\"model\":{\"type\":\"persistence\"}}");
        JsonNode all = json.readTree(get("/api/v1/training-jobs?size=1").body());
        assertThat(all.get("items")).hasSize(1);
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode none = json.readTree(get("/api/v1/training-jobs?status=cancelled&size=200").body());
        for (JsonNode j : none.get("items")) {
            assertThat(j.get("status").asText()).isEqualTo("cancelled");
        }
    }
}
