package io.chaoscast.training.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.testsupport.PostgresIntegrationTest;
import io.chaoscast.testsupport.TestTokens;
import io.chaoscast.training.support.Upstreams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small benchmark end to end: the real results- and dataset-service (in this JVM), this
 * service's driver and workers, real PostgreSQL and real training, three systems x two models on a
 * tiny protocol.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chaoscast.training.workers=1", "chaoscast.training.poll-interval=100ms", "chaoscast.benchmarks.poll-interval=200ms"})
@PostgresIntegrationTest
class BenchmarkEndToEndTest {

    private static Upstreams upstreams;

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper json = JsonMapper.builder().build();

    private static final String TINY = "\"protocol\":{\"name\":\"quick\",\"pointsPerPeriod\":20,\"trainingPeriods\":12,"
            + "\"testOrigins\":5,\"horizonLyapunovTimes\":1,\"epochs\":1}";

    @Autowired
    BenchmarkDriver driver;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) throws Exception {
        if (upstreams == null) {
            upstreams = Upstreams.start();
        }
        upstreams.register(registry);
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = TestTokens.request(URI.create(upstreams.results().baseUri() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitStatus(String id, String status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode b = null;
        while (System.nanoTime() < deadline) {
            b = json.readTree(send("GET", "/api/v1/benchmarks/" + id, null).body());
            if (b.get("status").asText().equals(status)) {
                return b;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("benchmark " + id + " not " + status + " in " + timeout + ": " + b);
    }

    private int jobsOf(String benchmarkId) {
        return jdbc.sql("SELECT count(*) FROM training.jobs WHERE experiment = ?").param("benchmark-" + benchmarkId).query(Integer.class).single();
    }

    @Test
    void smallBenchmarkRunsEndToEndAndAnswersWithTableSummaryAndCorrelations() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/benchmarks",
                "{\"name\":\"tiny\",\"systems\":{\"names\":[\"Lorenz\",\"Rossler\",\"Thomas\"]},"
                        + "\"models\":[{\"type\":\"persistence\"},{\"type\":\"linear\",\"order\":4}],\"seeds\":[3]," + TINY + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();
        assertThat(json.readTree(created.body()).get("cells").asInt()).isEqualTo(6);

        JsonNode done = awaitStatus(id, "finished", Duration.ofMinutes(4));
        assertThat(done.get("counts").get("succeeded").asInt()).as(done.toString()).isEqualTo(6);
        assertThat(done.get("failures")).isEmpty();
        assertThat(done.get("etaSeconds").asDouble()).isZero();
        assertThat(java.time.Instant.parse(done.get("finishedAt").asText())).isAfter(java.time.Instant.parse(done.get("createdAt").asText()));

        // The driver keeps nothing: polling again over finished cells makes no second job.
        driver.poll();
        assertThat(jobsOf(id)).isEqualTo(6);

        JsonNode table = json.readTree(send("GET", "/api/v1/benchmarks/" + id + "/table", null).body());
        assertThat(table.get("rows")).hasSize(6);
        assertThat(table.get("metrics").toString()).contains("test_vpt_median", "test_mse", "test_attractor_bounded_fraction", "test_attractor_wasserstein", "test_backtest_vpt_ci_low", "test_backtest_mse_ci_high");
        for (JsonNode row : table.get("rows")) {
            assertThat(row.get("metrics").get("test_vpt_median").isNumber()).as(row.toString()).isTrue();
        }
        HttpResponse<String> csv = send("GET", "/api/v1/benchmarks/" + id + "/table?format=csv", null);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).hasSize(7);

        JsonNode summary = json.readTree(send("GET", "/api/v1/benchmarks/" + id + "/summary", null).body());
        assertThat(summary.get("models")).hasSize(2);
        JsonNode linear = summary.get("models").get(1);
        assertThat(linear.get("model").asText()).isEqualTo("1:linear");
        assertThat(linear.get("correlations").get("maxLyapunov").get("systems").asInt()).isEqualTo(3);
        assertThat(linear.get("metrics").get("test_vpt_median").get("low").asDouble())
                .isLessThanOrEqualTo(linear.get("metrics").get("test_vpt_median").get("high").asDouble());
        assertThat(summary.get("ranks").properties()).hasSize(3);
    }

    @Test
    void jobMadeBeforeACrashIsFoundAgainNotMadeTwice() throws Exception {
        driver.stop();
        try {
            String body = "{\"systems\":{\"names\":[\"Lorenz\"]},\"models\":[{\"type\":\"persistence\"}]," + TINY + "}";
            String id = json.readTree(send("POST", "/api/v1/benchmarks", body).body()).get("id").asText();
            // Each poll takes the cell one step further, as a driver that is killed and restarted between steps would.
            for (int i = 0; i < 50 && jobsOf(id) == 0; i++) {
                driver.poll();
                Thread.sleep(100);
            }
            assertThat(jobsOf(id)).isEqualTo(1);
            String jobId = json.readTree(send("GET", "/api/v1/benchmarks/" + id + "/cells", null).body()).get(0).get("jobId").asText();
            // Forget the report, as if the service had died right after queueing the job.
            upstreams.results().context().getBean(JdbcClient.class).sql("UPDATE results.benchmark_cells SET state = 'pending', job_id = NULL, run_id = NULL WHERE benchmark_id = ?")
                    .param(UUID.fromString(id)).update();
            driver.poll();
            JsonNode cell = json.readTree(send("GET", "/api/v1/benchmarks/" + id + "/cells", null).body()).get(0);
            assertThat(cell.get("jobId").asText()).isEqualTo(jobId);
            assertThat(cell.get("state").asText()).isNotEqualTo("pending");
            assertThat(jobsOf(id)).isEqualTo(1);
        } finally {
            driver.start();
        }
    }

    /**
     * A cell's metrics come from the weights its training kept; when that training stopped early
     * or where its losses stopped being finite, the success the driver reports says so, and the
     * benchmark's table shows it beside the metrics.
     */
    @Test
    void successIsReportedWithHowTheTrainingEnded() throws Exception {
        String body = "{\"systems\":{\"names\":[\"Lorenz\"]},\"models\":[{\"type\":\"persistence\"}],\"seeds\":[5]," + TINY + "}";
        String id = json.readTree(send("POST", "/api/v1/benchmarks", body).body()).get("id").asText();
        awaitStatus(id, "finished", Duration.ofMinutes(2));
        JsonNode cell = json.readTree(send("GET", "/api/v1/benchmarks/" + id + "/cells", null).body()).get(0);
        assertThat(cell.get("state").asText()).isEqualTo("succeeded");
        assertThat(cell.get("trainingOutcome").isNull()).as("a baseline has no epochs to speak of").isTrue();

        driver.stop();
        try {
            // The job as a diverged training leaves it, and a driver that died before reporting its success.
            String outcome = "training stopped at epoch 3 of 5: its losses were no longer finite; the model keeps the weights of epoch 2";
            jdbc.sql("UPDATE training.jobs SET training_outcome = ? WHERE id = ?").param(outcome).param(UUID.fromString(cell.get("jobId").asText()))
                    .update();
            upstreams.results().context().getBean(JdbcClient.class)
                    .sql("UPDATE results.benchmark_cells SET state = 'running', finished_at = NULL WHERE benchmark_id = ?")
                    .param(UUID.fromString(id)).update();
            driver.poll();
            JsonNode reported = json.readTree(send("GET", "/api/v1/benchmarks/" + id + "/cells", null).body()).get(0);
            assertThat(reported.get("state").asText()).isEqualTo("succeeded");
            assertThat(reported.get("trainingOutcome").asText()).isEqualTo(outcome);
            JsonNode row = json.readTree(send("GET", "/api/v1/benchmarks/" + id + "/table", null).body()).get("rows").get(0);
            assertThat(row.get("trainingOutcome").asText()).isEqualTo(outcome);
            assertThat(row.get("metrics").get("test_vpt_median").isNumber()).isTrue();
        } finally {
            driver.start();
        }
    }

    @Test
    void runOfAJobOpenedAgainAfterACrashIsTheSameRun(@Autowired io.chaoscast.training.upstream.RunGateway runs) {
        // A crash between opening a job's run and writing the job row: the retried submission of
        // the same job must get the first run back, not leave it open for good beside a second.
        UUID job = UUID.randomUUID();
        var provenance = io.chaoscast.contracts.results.Provenance.ofCurrentJvm("test", "0".repeat(64), 1L, "none");
        UUID first = runs.openRun(job, "orphans", "linear on Lorenz", "Lorenz", "d1", "linear", Map.of("model.order", "4"), provenance);
        UUID again = runs.openRun(job, "orphans", "linear on Lorenz", "Lorenz", "d1", "linear", Map.of("model.order", "4"), provenance);
        assertThat(again).isEqualTo(first);
        // The same job id with another request (another build, other parameters) is another run.
        UUID other = runs.openRun(job, "orphans", "linear on Lorenz", "Lorenz", "d1", "linear", Map.of("model.order", "8"), provenance);
        assertThat(other).isNotEqualTo(first);
        assertThat(runs.openRun(UUID.randomUUID(), "orphans", "linear on Lorenz", "Lorenz", "d1", "linear", Map.of("model.order", "4"),
                provenance)).isNotEqualTo(first);
    }

    /**
     * A poll ran in one transaction with the jobs it queued: a job already reported {@code queued}
     * to the results-service was not committed, so no worker could claim it before every other
     * cell of the poll was done, and an SQL error on a later cell rolled it back.
     */
    @Test
    void aJobTheDriverQueuesIsCommittedBeforeItIsReported(
            @Autowired io.chaoscast.training.config.ServicesProperties services,
            @Autowired javax.sql.DataSource dataSource,
            @Autowired io.chaoscast.contracts.datasets.DatasetClient datasets,
            @Autowired io.chaoscast.training.jobs.JobRepository jobs,
            @Autowired io.chaoscast.training.jobs.TrainingJobService submissions,
            @Autowired BenchmarkDriverProperties properties,
            @org.springframework.beans.factory.annotation.Value("${chaoscast.security.client-token:}") String token)
            throws Exception {
        driver.stop();
        try {
            java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            String body = "{\"systems\":{\"names\":[\"Lorenz\"]},\"models\":[{\"type\":\"persistence\"}],\"seeds\":[11]," + TINY + "}";
            String id = json.readTree(send("POST", "/api/v1/benchmarks", body).body()).get("id").asText();
            BenchmarkClient watching = new BenchmarkClient(services, token) {
                @Override
                void report(UUID benchmarkId, int ordinal, io.chaoscast.contracts.benchmarks.BenchmarkCellUpdateRequest update)
                        throws java.io.IOException, InterruptedException {
                    if ("queued".equals(update.state()) && benchmarkId.toString().equals(id)) {
                        // what any other connection (a worker's) sees at this moment
                        try (java.sql.Connection c = dataSource.getConnection();
                                java.sql.PreparedStatement q = c.prepareStatement("SELECT status FROM training.jobs WHERE id = ?")) {
                            q.setObject(1, update.jobId());
                            try (java.sql.ResultSet rs = q.executeQuery()) {
                                seen.add(rs.next() ? rs.getString(1) : "absent");
                            }
                        } catch (java.sql.SQLException e) {
                            throw new java.io.IOException(e);
                        }
                    }
                    super.report(benchmarkId, ordinal, update);
                }
            };
            BenchmarkDriver watched = new BenchmarkDriver(watching, datasets, jobs, submissions, dataSource, properties);
            for (int i = 0; i < 50 && seen.isEmpty(); i++) {
                watched.poll();
                Thread.sleep(100);
            }
            assertThat(seen).as("what other connections saw at the queued reports of benchmark " + id).isNotEmpty().doesNotContain("absent");
        } finally {
            driver.start();
        }
    }

    @Test
    void cancelledBenchmarkEndsWithoutTraining() throws Exception {
        driver.stop();
        try {
            String body = "{\"systems\":{\"names\":[\"Lorenz\",\"Rossler\"]},\"models\":[{\"type\":\"linear\"}]," + TINY + "}";
            String id = json.readTree(send("POST", "/api/v1/benchmarks", body).body()).get("id").asText();
            JsonNode cancelled = json.readTree(send("POST", "/api/v1/benchmarks/" + id + "/cancel", null).body());
            assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
            assertThat(cancelled.get("counts").get("cancelled").asInt()).isEqualTo(2);
            driver.poll();
            assertThat(jobsOf(id)).isZero();
        } finally {
            driver.start();
        }
    }

    @Test
    void unknownSystemIsRefusedNamingTheEntry() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/benchmarks",
                "{\"systems\":{\"names\":[\"Lorenz\",\"Nope\"]},\"models\":[{\"type\":\"linear\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json.readTree(r.body()).get("field").asText()).isEqualTo("systems.names[1]");
    }
}
