package io.chaoscast.training.benchmarks;

import io.chaoscast.web.problem.ApiException;
import io.chaoscast.contracts.benchmarks.BenchmarkCellResponse;
import io.chaoscast.contracts.benchmarks.BenchmarkCellUpdateRequest;
import io.chaoscast.contracts.datasets.DatasetClient;
import io.chaoscast.contracts.datasets.DatasetClientException;
import io.chaoscast.contracts.datasets.DatasetResponse;
import io.chaoscast.contracts.datasets.SystemResponse;
import io.chaoscast.training.jobs.EvaluationRequest;
import io.chaoscast.training.jobs.JobRepository;
import io.chaoscast.training.jobs.JobStatus;
import io.chaoscast.training.jobs.ModelRequest;
import io.chaoscast.training.jobs.TrainingJob;
import io.chaoscast.training.jobs.TrainingJobRequest;
import io.chaoscast.training.jobs.TrainingJobService;
import io.chaoscast.training.jobs.TrainingSettingsRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Does the work of the results-service's benchmarks: for each open cell it creates the dataset,
 * queues the training job on this service's Postgres queue, and reports the job's state back.
 *
 * <p>It keeps no state of its own, so a restart of this service or of the results-service resumes
 * where things stand: every poll re-derives each cell from the two databases. A cell's job id is
 * derived from the benchmark and the cell, so a job made before a crash is found again instead of
 * made twice; one replica drives at a time, under a transaction-scoped advisory lock held on a
 * connection of its own (see {@link #poll}).
 */
@Component
public class BenchmarkDriver implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkDriver.class);
    private static final long LOCK_KEY = 0x43_48_41_4F_53_42_4EL; // "CHAOSBN"

    private final BenchmarkClient cells;
    private final DatasetClient datasets;
    private final JobRepository jobs;
    private final TrainingJobService submissions;
    private final DataSource dataSource;
    private final BenchmarkDriverProperties properties;
    private final Map<String, SystemResponse> systems = new HashMap<>();
    private ScheduledExecutorService executor;

    BenchmarkDriver(
            BenchmarkClient cells, DatasetClient datasets, JobRepository jobs, TrainingJobService submissions, DataSource dataSource,
            BenchmarkDriverProperties properties) {
        this.cells = cells;
        this.datasets = datasets;
        this.jobs = jobs;
        this.submissions = submissions;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    /** The job of a cell: the same benchmark and cell always give the same id. */
    static UUID jobId(BenchmarkCellResponse cell) {
        return UUID.nameUUIDFromBytes(("benchmark:" + cell.benchmarkId() + ":" + cell.key()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One pass over the open cells; returns how many were looked at (0 when another replica drives).
     *
     * <p>The lock is a transaction on a connection of its own, not one the pass runs in: the job a
     * cell queues commits at once (a worker may claim it while the pass goes on, and an SQL error
     * on a later cell cannot roll it back), and the lock ends with that transaction, or with the
     * connection when this process dies.
     */
    public int poll() {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try {
                return locked(lock) ? pass() : 0;
            } finally {
                lock.rollback();
            }
        } catch (SQLException e) {
            // Not a lock held elsewhere (that is a plain false): the database or the pool failed.
            log.warn("benchmark driver: could not take its lock, polling again later: {}", e.getMessage());
            return 0;
        }
    }

    private static boolean locked(Connection lock) throws SQLException {
        try (PreparedStatement s = lock.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, LOCK_KEY);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private int pass() {
        List<BenchmarkCellResponse> open;
        try {
            open = cells.openCells(properties.batch());
        } catch (Exception e) {
            log.debug("results-service not reachable for benchmark cells: {}", e.getMessage());
            return 0;
        }
        for (BenchmarkCellResponse cell : open) {
            try {
                advance(cell);
            } catch (Exception e) {
                // Upstream hiccups: the cell stays as it is and is looked at again next poll.
                log.warn("benchmark {} cell {}: {}", cell.benchmarkId(), cell.key(), e.getMessage());
            }
        }
        return open.size();
    }

    private void advance(BenchmarkCellResponse cell) throws Exception {
        UUID jobId = cell.jobId() != null ? cell.jobId() : jobId(cell);
        Optional<TrainingJob> job = jobs.find(jobId);
        if (job.isEmpty()) {
            if (cell.benchmarkCancelled()) {
                report(cell, "cancelled", null, null, null, null);
                return;
            }
            SystemResponse system = systems.computeIfAbsent(cell.system(), datasets::system);
            DatasetResponse dataset;
            try {
                dataset = cell.datasetId() != null ? datasets.get(cell.datasetId())
                        : datasets.create(BenchmarkRecipe.of(system, cell.protocol(), cell.seed()));
            } catch (DatasetClientException e) {
                if (e.status() < 400 || e.status() >= 500 || e.status() == 429) {
                    throw e; // an outage or a full queue: the next poll tries again
                }
                // A recipe the dataset-service refuses stays refused: fail the cell with its reason.
                report(cell, "failed", cell.datasetId(), null, null, "the dataset-service refused the cell's dataset: " + e.getMessage());
                return;
            }
            if ("failed".equals(dataset.status())) {
                report(cell, "failed", dataset.id(), null, null, "dataset " + dataset.id() + " failed: " + dataset.failureReason());
                return;
            }
            if (!"ready".equals(dataset.status())) {
                if (!dataset.id().equals(cell.datasetId())) {
                    report(cell, "pending", dataset.id(), null, null, null);
                }
                return;
            }
            try {
                job = Optional.of(submissions.submit(request(cell, dataset.id()), jobId));
            } catch (ApiException e) {
                if (!e.status().is4xxClientError()) {
                    throw e; // a neighbour's outage: the next poll tries again
                }
                report(cell, "failed", dataset.id(), null, null, e.getMessage());
                return;
            } catch (DuplicateKeyException e) {
                job = jobs.find(jobId);
            }
            if (job.isEmpty()) {
                return;
            }
            // Report the job before anything else can happen to it: the cell now points at it.
            report(cell, "queued", dataset.id(), jobId, job.get().runId(), null);
        }
        TrainingJob j = job.get();
        if (cell.benchmarkCancelled() && !j.status().isFinal() && !j.cancelRequested()) {
            jobs.requestCancel(jobId);
        }
        String state = j.status().wire();
        if (!state.equals(cell.state()) || !Objects.equals(j.runId(), cell.runId()) || !jobId.equals(cell.jobId())) {
            // How a succeeded job's training ended goes with it: a cell whose losses stopped being
            // finite shows metrics of an earlier epoch's weights, and the table must say so.
            String outcome = j.status() == JobStatus.SUCCEEDED ? j.trainingOutcome() : null;
            report(cell, state, j.datasetId(), jobId, j.runId(), j.failureReason(), outcome);
        }
    }

    private static TrainingJobRequest request(BenchmarkCellResponse cell, String datasetId) {
        Map<String, Object> hyper = new LinkedHashMap<>(cell.model());
        hyper.remove("type");
        return new TrainingJobRequest(
                datasetId,
                "benchmark-" + cell.benchmarkId(),
                new ModelRequest(cell.modelType(), hyper),
                new TrainingSettingsRequest(cell.protocol().epochs(), null, null, cell.seed(), null),
                new EvaluationRequest(cell.protocol().testOrigins(), cell.protocol().horizonLyapunovTimes()));
    }

    private void report(BenchmarkCellResponse cell, String state, String datasetId, UUID jobId, UUID runId, String reason) throws Exception {
        report(cell, state, datasetId, jobId, runId, reason, null);
    }

    private void report(BenchmarkCellResponse cell, String state, String datasetId, UUID jobId, UUID runId, String reason, String outcome)
            throws Exception {
        cells.report(cell.benchmarkId(), cell.ordinal(), new BenchmarkCellUpdateRequest(state, datasetId, jobId, runId, reason, outcome));
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "benchmark-driver");
            t.setDaemon(true);
            return t;
        });
        long period = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                log.warn("benchmark driver poll failed: {}", e.getMessage());
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
