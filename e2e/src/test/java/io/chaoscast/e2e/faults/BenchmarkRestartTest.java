package io.chaoscast.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chaoscast.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A benchmark survives restarts of the services that run it, with real processes: the services
 * run from their boot jars against one embedded PostgreSQL; once some cells have succeeded the
 * test kills the training-service with SIGKILL (its benchmark driver and its worker go with it)
 * and starts it again, and later, while cells are still open, kills the results-service (which
 * owns the benchmark record) and starts it again after a few seconds. Afterwards every cell must
 * have succeeded with exactly one job and one finished run, and every job that had finished
 * before a restart must be exactly as it was (same finish time, attempts and run): nothing
 * finished is lost or done again.
 */
class BenchmarkRestartTest {

    private static final List<String> SYSTEMS = List.of("Lorenz", "Rossler", "Thomas", "Henon");
    private static final List<String> MODELS = List.of("persistence", "linear", "nvar");
    private static final int CELLS = SYSTEMS.size() * MODELS.size();
    private static final String TINY = "\"protocol\":{\"name\":\"quick\",\"pointsPerPeriod\":20,\"trainingPeriods\":12,"
            + "\"testOrigins\":5,\"horizonLyapunovTimes\":1,\"epochs\":1}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventLog log = new EventLog("benchmark-restart");

    /** A finished job as the database holds it. */
    record FinishedJob(UUID id, String status, Timestamp finishedAt, int attempts, UUID runId) {}

    @Test
    void restartsMidBenchmarkLoseAndRedoNoFinishedJob() throws Exception {
        assumeTrue(FaultyPlatform.jarsPresent(), "the services' boot jars are not built (mvn package the services first)");
        Path work = Path.of("target", "benchmark-restart").toAbsolutePath();
        EventLog.deleteRecursively(work);
        Files.createDirectories(work);
        Map<String, String> settings = Map.of(
                "chaoscast.training.workers", "1",
                "chaoscast.training.lease", "3s",
                "chaoscast.training.poll-interval", "200ms",
                "chaoscast.training.outage-tolerance", "5m",
                "chaoscast.benchmarks.poll-interval", "300ms");
        try (FaultyPlatform p = FaultyPlatform.start(work, settings)) {
            note("platform up");
            String models = String.join(",", MODELS.stream().map(m -> "{\"type\":\"" + m + "\"}").toList());
            String systems = String.join(",", SYSTEMS.stream().map(s -> "\"" + s + "\"").toList());
            HttpResponse<String> created = send(p, "POST", "/api/v1/benchmarks", "{\"name\":\"restarts\",\"systems\":{\"names\":["
                    + systems + "]},\"models\":[" + models + "],\"seeds\":[5]," + TINY + "}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = json.readTree(created.body()).get("id").asText();
            String experiment = "benchmark-" + id;
            assertThat(json.readTree(created.body()).get("cells").asInt()).isEqualTo(CELLS);
            note("benchmark " + id + " created with " + CELLS + " cells");

            // Restart 1: the training-service, once a few cells are done and a job is running. Every
            // cell's job is queued by then: a kill between opening a cell's run and writing its job
            // row leaves an orphan open run (docs/benchmarks.md, Limits), which this test does not
            // look for.
            awaitFinishedJobs(p, experiment, 2, true);
            Map<UUID, FinishedJob> beforeTraining = finishedJobs(p, experiment);
            assertThat(beforeTraining.size()).as("cells finished before the training-service restart").isLessThan(CELLS);
            int openAtTraining = openCells(p, id);
            p.training.kill9();
            note("kill -9 training-service with " + beforeTraining.size() + " jobs finished, " + openAtTraining + " cells open");
            p.training.start(FaultyPlatform.START_TIMEOUT);
            note("training-service back");

            // Restart 2: the results-service, while cells are still open.
            awaitFinishedJobs(p, experiment, beforeTraining.size() + 1, false);
            Map<UUID, FinishedJob> beforeResults = finishedJobs(p, experiment);
            int openCells = openCells(p, id);
            assertThat(openCells).as("cells open before the results-service restart").isPositive();
            p.results.kill9();
            note("kill -9 results-service with " + beforeResults.size() + " jobs finished, " + openCells + " cells open");
            Thread.sleep(4000);
            p.results.start(FaultyPlatform.START_TIMEOUT);
            note("results-service back");

            Map<UUID, FinishedJob> snapshots = new LinkedHashMap<>(beforeTraining);
            snapshots.putAll(beforeResults);
            JsonNode done = awaitFinished(p, id, experiment, snapshots, Duration.ofMinutes(4));
            note("benchmark finished");
            String report = verify(p, id, experiment, done, beforeTraining, beforeResults, openAtTraining, openCells);
            log.write(work.resolve("report.txt"), report);
            System.out.println("[benchmark-restart] " + report);
        } catch (Throwable e) {
            log.write(work.resolve("events.txt"), "");
            throw e;
        }
    }

    // ---- what must hold afterwards ------------------------------------------------------------

    private String verify(FaultyPlatform p, String id, String experiment, JsonNode done, Map<UUID, FinishedJob> beforeTraining,
            Map<UUID, FinishedJob> beforeResults, int openAtTrainingRestart, int openAtResultsRestart) throws Exception {
        assertThat(done.get("counts").get("succeeded").asInt()).as(done.toString()).isEqualTo(CELLS);
        assertThat(done.get("failures")).as(done.toString()).isEmpty();

        // The runs are finished by the training-service's outbox, which may still be delivering.
        awaitNoOpenRun(p, experiment, Duration.ofMinutes(1));
        try (Connection c = p.connect()) {
            Map<UUID, FinishedJob> jobs = jobsOf(c, experiment, false);
            assertThat(jobs).as("jobs of the benchmark's experiment").hasSize(CELLS);
            assertThat(jobs.values()).allSatisfy(j -> assertThat(j.status()).as("job %s", j.id()).isEqualTo("succeeded"));

            // Every cell points at its own job and run, and those are the experiment's only ones.
            Set<UUID> cellJobs = new HashSet<>();
            Set<UUID> cellRuns = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT job_id, run_id, state FROM results.benchmark_cells WHERE benchmark_id = ?")) {
                s.setObject(1, UUID.fromString(id));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        assertThat(rs.getString(3)).isEqualTo("succeeded");
                        UUID job = rs.getObject(1, UUID.class);
                        UUID run = rs.getObject(2, UUID.class);
                        assertThat(job).isNotNull();
                        assertThat(run).as("run of the cell of job %s", job).isEqualTo(jobs.get(job).runId());
                        cellJobs.add(job);
                        cellRuns.add(run);
                    }
                }
            }
            assertThat(cellJobs).as("one distinct job per cell").hasSize(CELLS).isEqualTo(jobs.keySet());
            assertThat(cellRuns).as("one distinct run per cell").hasSize(CELLS);

            Map<UUID, String> runs = runsOf(c, experiment);
            assertThat(runs.keySet()).as("the experiment's runs are the cells' runs").isEqualTo(cellRuns);
            assertThat(runs).allSatisfy((run, status) -> assertThat(status).as("run %s", run).isEqualTo("finished"));

            // Nothing that had finished was done again: its row is as it was before the restarts.
            for (Map<UUID, FinishedJob> before : List.of(beforeTraining, beforeResults)) {
                for (FinishedJob then : before.values()) {
                    assertThat(jobs.get(then.id())).as("job %s, finished before a restart", then.id()).isEqualTo(then);
                }
            }
        }

        JsonNode table = json.readTree(send(p, "GET", "/api/v1/benchmarks/" + id + "/table", null).body());
        assertThat(table.get("rows")).hasSize(CELLS);
        for (JsonNode row : table.get("rows")) {
            assertThat(row.get("state").asText()).isEqualTo("succeeded");
            assertThat(row.get("metrics").get("test_vpt_median")).as(row.toString()).isNotNull();
            assertThat(row.get("metrics").get("test_vpt_median").isNumber()).as(row.toString()).isTrue();
        }
        int restarts = p.training.starts - 1 + p.results.starts - 1;
        return CELLS + " cells succeeded with " + CELLS + " jobs and " + CELLS + " finished runs across " + restarts
                + " restarts; jobs finished before the training-service restart: " + beforeTraining.size() + " ("
                + openAtTrainingRestart + " cells open), before the results-service restart: " + beforeResults.size() + " ("
                + openAtResultsRestart + " cells open), after: " + (CELLS - beforeResults.size())
                + "; every job finished before a restart unchanged; "
                + Math.round(log.seconds()) + " s";
    }

    // ---- waiting -----------------------------------------------------------------------------

    /**
     * Waits until every cell has its job and at least {@code count} of them have finished (and, if
     * asked, one is running).
     */
    private void awaitFinishedJobs(FaultyPlatform p, String experiment, int count, boolean oneRunning) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = p.connect()) {
                Map<UUID, FinishedJob> all = jobsOf(c, experiment, false);
                long finished = all.values().stream().filter(j -> j.finishedAt() != null).count();
                boolean running = all.values().stream().anyMatch(j -> j.status().equals("running"));
                // (all finished: too late, the caller's assertions say so)
                if (all.size() == CELLS && finished >= count && (running || !oneRunning || finished == CELLS)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " jobs of " + experiment + " finished in time\ntraining log:\n"
                + String.join("\n", p.training.tail(60)));
    }

    /**
     * Waits for the benchmark to finish; fails at once, naming the job, when a job that had
     * finished before a restart changes meanwhile (a job done again may never let it finish).
     */
    private JsonNode awaitFinished(FaultyPlatform p, String id, String experiment, Map<UUID, FinishedJob> finished, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode b = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = p.connect()) {
                Map<UUID, FinishedJob> now = jobsOf(c, experiment, false);
                for (FinishedJob then : finished.values()) {
                    assertThat(now.get(then.id())).as("job %s, finished before a restart", then.id()).isEqualTo(then);
                }
            }
            HttpResponse<String> r;
            try {
                r = send(p, "GET", "/api/v1/benchmarks/" + id, null);
            } catch (java.io.IOException e) {
                r = null; // the results-service is still starting: ask again
            }
            if (r != null && r.statusCode() == 200) {
                b = json.readTree(r.body());
                if (b.get("status").asText().equals("finished")) {
                    return b;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("benchmark " + id + " not finished in " + timeout + ": " + b + "\ntraining log:\n"
                + String.join("\n", p.training.tail(60)));
    }

    private void awaitNoOpenRun(FaultyPlatform p, String experiment, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = p.connect()) {
                if (runsOf(c, experiment).values().stream().noneMatch("running"::equals)) {
                    return;
                }
            }
            Thread.sleep(250);
        }
    }

    private int openCells(FaultyPlatform p, String id) throws SQLException {
        try (Connection c = p.connect();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM results.benchmark_cells WHERE benchmark_id = ?"
                        + " AND state IN ('pending', 'queued', 'running')")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    // ---- reading the databases ---------------------------------------------------------------

    private Map<UUID, FinishedJob> finishedJobs(FaultyPlatform p, String experiment) throws SQLException {
        try (Connection c = p.connect()) {
            return jobsOf(c, experiment, true);
        }
    }

    private static Map<UUID, FinishedJob> jobsOf(Connection c, String experiment, boolean finishedOnly) throws SQLException {
        Map<UUID, FinishedJob> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, status, finished_at, attempts, run_id FROM training.jobs"
                + " WHERE experiment = ?" + (finishedOnly ? " AND finished_at IS NOT NULL" : "") + " ORDER BY created_at")) {
            s.setString(1, experiment);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID job = rs.getObject(1, UUID.class);
                    out.put(job, new FinishedJob(job, rs.getString(2), rs.getTimestamp(3), rs.getInt(4), rs.getObject(5, UUID.class)));
                }
            }
        }
        return out;
    }

    private static Map<UUID, String> runsOf(Connection c, String experiment) throws SQLException {
        Map<UUID, String> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT r.id, r.status FROM results.runs r"
                + " JOIN results.experiments e ON e.id = r.experiment_id WHERE e.name = ?")) {
            s.setString(1, experiment);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        }
        return out;
    }

    private HttpResponse<String> send(FaultyPlatform p, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = TestTokens.request(URI.create(p.results.baseUri() + path)).timeout(Duration.ofSeconds(20));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void note(String event) {
        log.note(event);
    }
}
