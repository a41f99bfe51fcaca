package io.chaoscast.training.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.contracts.results.ResultsApiException;
import io.chaoscast.contracts.results.ResultsClientException;
import io.chaoscast.testsupport.TestDatabaseServer;
import io.chaoscast.training.config.TrainingProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The job queue against a real PostgreSQL: claims, leases, recovery, cancellation. */
class JobQueueTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    /** One worker, a 3 s lease, polling every 50 ms: fast enough for a test to watch. */
    private static final TrainingProperties FAST = new TrainingProperties(1, Duration.ofSeconds(3), Duration.ofMillis(50), 3, Duration.ofSeconds(5));

    private JobRepository jobs;
    private JdbcClient jdbc;
    private String url;

    @BeforeEach
    void freshDatabase() {
        TestDatabaseServer server = TestDatabaseServer.get();
        url = server.newDatabase();
        DriverManagerDataSource ds = new DriverManagerDataSource(url, server.username(), server.password());
        Flyway.configure().dataSource(ds).schemas("training").defaultSchema("training")
                .locations("classpath:db/migration/training").load().migrate();
        jdbc = JdbcClient.create(ds);
        jobs = new JobRepository(jdbc);
    }

    private UUID enqueue(int maxAttempts) {
        UUID id = UUID.randomUUID();
        jobs.insert(id, "ds-1", "exp", "linear", "{\"k\":1}", UUID.randomUUID(), maxAttempts);
        return id;
    }

    @Test
    void concurrentWorkersClaimEveryJobExactlyOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(enqueue(3));
        }
        Set<UUID> claimed = ConcurrentHashMap.newKeySet();
        List<UUID> duplicates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int w = 0; w < 4; w++) {
            String owner = "w" + w;
            pool.submit(() -> {
                start.await();
                Optional<TrainingJob> j;
                while ((j = jobs.claim(owner, LEASE)).isPresent()) {
                    if (!claimed.add(j.get().id())) {
                        synchronized (duplicates) {
                            duplicates.add(j.get().id());
                        }
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(duplicates).isEmpty();
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(jobs.claim("late", LEASE)).isEmpty();
    }

    @Test
    void jobOfDeadWorkerIsTakenUpAgainAndOldOwnerIsLockedOut() {
        UUID id = enqueue(3);
        TrainingJob first = jobs.claim("dead", LEASE).orElseThrow();
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(jobs.claim("other", LEASE)).isEmpty();

        jobs.expireLease(id);
        TrainingJob second = jobs.claim("alive", LEASE).orElseThrow();
        assertThat(second.id()).isEqualTo(id);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.leaseOwner()).isEqualTo("alive");
        assertThat(second.message()).contains("resumed after worker dead was lost");

        assertThat(jobs.heartbeat(id, "dead", LEASE)).isFalse();
        assertThat(jobs.progress(id, "dead", 1, 2, 0.5, 0.6, 1.0, "x")).isFalse();
        assertThat(jobs.succeed(id, "dead", "m")).isFalse();
        assertThat(jobs.heartbeat(id, "alive", LEASE)).isTrue();
        assertThat(jobs.succeed(id, "alive", "model-7")).isTrue();
        assertThat(jobs.find(id).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void jobWhoseWorkersKeepDyingFailsWithTheReasonStored() {
        UUID id = enqueue(1);
        jobs.claim("w", LEASE).orElseThrow();
        jobs.expireLease(id);
        assertThat(jobs.claim("w2", LEASE)).isEmpty();
        assertThat(jobs.failAbandoned()).isEqualTo(1);
        TrainingJob j = jobs.find(id).orElseThrow();
        assertThat(j.status()).isEqualTo(JobStatus.FAILED);
        assertThat(j.failureReason()).contains("stopped heartbeating").contains("1 attempts");
        assertThat(j.finishedAt()).isNotNull();
    }

    @Test
    void aResumedJobKeepsShowingTheEpochItReachedUntilItTrainsANewOne() {
        UUID id = enqueue(3);
        jobs.claim("w", LEASE).orElseThrow();
        assertThat(jobs.progress(id, "w", 5, 10, 0.5, 0.6, 3.0, "epoch 5 of 10")).isTrue();
        // Taken up again: downloading, then the checkpoint's epochs reported again.
        assertThat(jobs.phase(id, "w", 10, "downloading")).isTrue();
        assertThat(jobs.find(id).orElseThrow()).satisfies(j -> {
            assertThat(j.epoch()).isEqualTo(5);
            assertThat(j.message()).isEqualTo("downloading");
        });
        assertThat(jobs.progress(id, "w", 2, 10, 0.9, 0.9, 40.0, "epoch 2 of 10")).isTrue();
        assertThat(jobs.find(id).orElseThrow()).satisfies(j -> {
            assertThat(j.epoch()).isEqualTo(5);
            assertThat(j.trainLoss()).isEqualTo(0.5);
            assertThat(j.message()).isEqualTo("downloading");
        });
        assertThat(jobs.progress(id, "w", 6, 10, 0.4, 0.5, 2.0, "epoch 6 of 10")).isTrue();
        assertThat(jobs.find(id).orElseThrow().epoch()).isEqualTo(6);
        assertThat(jobs.find(id).orElseThrow().trainLoss()).isEqualTo(0.4);
    }

    @Test
    void aSucceededJobsMessageSaysHowItsTrainingEnded() {
        UUID early = enqueue(3);
        jobs.claim("w", LEASE).orElseThrow();
        jobs.progress(early, "w", 18, 300, 0.5, 0.6, 0.0, "storing the model and metrics in the results-service");
        jobs.succeed(early, "w", "m-1");
        assertThat(jobs.find(early).orElseThrow().message()).isEqualTo("succeeded; training stopped early after epoch 18 of 300");
        UUID full = enqueue(3);
        jobs.claim("w", LEASE).orElseThrow();
        jobs.progress(full, "w", 3, 3, 0.5, 0.6, 0.0, "storing the model and metrics in the results-service");
        jobs.succeed(full, "w", "m-2");
        assertThat(jobs.find(full).orElseThrow().message()).isEqualTo("succeeded");
        // A recorded outcome is what the message says, in place of the epochs.
        UUID diverged = enqueue(3);
        jobs.claim("w", LEASE).orElseThrow();
        jobs.progress(diverged, "w", 28, 30, 0.5, 0.6, 0.0, "evaluating");
        assertThat(jobs.trainingOutcome(diverged, "another worker", "x")).as("only the lease holder records it").isFalse();
        assertThat(jobs.trainingOutcome(diverged, "w", "training stopped at epoch 28 of 30: its losses were no longer finite")).isTrue();
        jobs.succeed(diverged, "w", "m-3");
        assertThat(jobs.find(diverged).orElseThrow().message())
                .isEqualTo("succeeded; training stopped at epoch 28 of 30: its losses were no longer finite");
    }

    @Test
    void cancellingAQueuedJobEndsItAtOnce() {
        UUID id = enqueue(3);
        TrainingJob j = jobs.requestCancel(id).orElseThrow();
        assertThat(j.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(jobs.claim("w", LEASE)).isEmpty();
        assertThat(jobs.requestCancel(UUID.randomUUID())).isEmpty();
    }

    @Test
    void onlyTheWorkerHoldingTheJobWritesItsCheckpoint() {
        UUID id = enqueue(3);
        jobs.claim("dead", LEASE).orElseThrow();
        assertThat(jobs.checkpoint(id)).isEmpty();
        assertThat(jobs.saveCheckpoint(id, "dead", 1, new byte[] {1})).isTrue();
        assertThat(jobs.saveCheckpoint(id, "dead", 2, new byte[] {2})).isTrue();
        assertThat(jobs.checkpoint(id)).hasValueSatisfying(b -> assertThat(b).containsExactly(2));

        jobs.expireLease(id);
        jobs.claim("alive", LEASE).orElseThrow();
        // the new owner resumes from the dead worker's last checkpoint ...
        assertThat(jobs.checkpoint(id)).hasValueSatisfying(b -> assertThat(b).containsExactly(2));
        // ... and a late write of the old owner cannot replace its own
        assertThat(jobs.saveCheckpoint(id, "alive", 3, new byte[] {3})).isTrue();
        assertThat(jobs.saveCheckpoint(id, "dead", 3, new byte[] {9})).isFalse();
        assertThat(jobs.checkpoint(id)).hasValueSatisfying(b -> assertThat(b).containsExactly(3));
    }

    @Test
    void runsOfEndedJobsAreClosedOnceTheResultsServiceAnswers() {
        UUID failed = enqueue(3);
        jobs.claim("w", LEASE).orElseThrow();
        jobs.fail(failed, "w", "boom");
        UUID cancelled = enqueue(3);
        jobs.requestCancel(cancelled);
        UUID succeeded = enqueue(3);
        jobs.claim("w", LEASE).orElseThrow();
        jobs.succeed(succeeded, "w", "model-1");

        List<UUID> closed = new ArrayList<>();
        boolean[] reachable = {false};
        JobWorkers w = new JobWorkers(jobs, (job, ctx) -> null,
                FAST, job -> {
                    if (!reachable[0]) {
                        throw new IllegalStateException("results-service does not answer");
                    }
                    assertThat(job.status()).isIn(JobStatus.FAILED, JobStatus.CANCELLED);
                    closed.add(job.id());
                });
        w.closeOpenRuns();
        assertThat(closed).isEmpty();
        assertThat(jobs.endedWithOpenRun(10)).extracting(TrainingJob::id).containsExactlyInAnyOrder(failed, cancelled);

        reachable[0] = true;
        w.closeOpenRuns();
        assertThat(closed).containsExactlyInAnyOrder(failed, cancelled);
        assertThat(jobs.endedWithOpenRun(10)).isEmpty();
    }

    @Test
    void outagesAreRetriedAndOtherErrorsAreNot() {
        int[] calls = {0};
        String answer = OutageRetry.call("a step", Duration.ofSeconds(10), () -> {
            if (++calls[0] < 3) {
                throw new org.springframework.dao.DataAccessResourceFailureException("connection refused");
            }
            return "done";
        });
        assertThat(answer).isEqualTo("done");
        assertThat(calls[0]).isEqualTo(3);

        calls[0] = 0;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutageRetry.call("a step", Duration.ofSeconds(10), () -> {
                    calls[0]++;
                    throw new IllegalArgumentException("bad input");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(calls[0]).isEqualTo(1);

        // an outage longer than the tolerance fails the step with the outage's exception
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutageRetry.call("a step", Duration.ZERO, () -> {
                    throw new org.springframework.dao.DataAccessResourceFailureException("still down");
                }))
                .hasMessage("still down");
    }

    @Test
    void refusalsOfTheResultsServiceAreNotRetriedButItsOutagesAre() {
        int[] calls = {0};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutageRetry.call("storing metrics", Duration.ofSeconds(2), () -> {
                    calls[0]++;
                    throw new ResultsApiException("POST /api/v1/runs/r/metrics", 409, null);
                }))
                .isInstanceOf(ResultsApiException.class);
        assertThat(calls[0]).isEqualTo(1);
        assertThat(OutageRetry.isOutage(new ResultsApiException("POST /api/v1/runs", 422, null))).isFalse();
        assertThat(OutageRetry.isOutage(new ResultsApiException("POST /api/v1/runs", 503, null))).isTrue();
        assertThat(OutageRetry.isOutage(new ResultsApiException("POST /api/v1/runs", 429, null))).isTrue();
        assertThat(OutageRetry.isOutage(new ResultsClientException("connection refused", new java.net.ConnectException()))).isTrue();
    }

    private JobWorkers workers(JobExecutor executor) {
        return new JobWorkers(jobs, executor, FAST);
    }

    /** An executor for jobs that must end without being trained (again). */
    private static JobExecutor neverTrains(String why) {
        return (job, ctx) -> {
            throw new AssertionError(why);
        };
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 30 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theEtaOfAResumedTrainingUsesTheTrainingsOwnClockAndItsBudget() throws Exception {
        UUID id = enqueue(3);
        jobs.claim("w", LEASE).orElseThrow();
        JobContext resumed = new JobContext(jobs, id, "w", Duration.ofSeconds(1));
        // Epoch 21 of 30, the training's 21 epochs having taken 42 s over all its workers (2 s
        // each), while this worker has run for milliseconds: 9 epochs left.
        TrainingEta eta = new TrainingEta(0);
        for (int e = 1; e <= 21; e++) {
            resumed.progress(e, 30, 0.5, 0.6, eta.after(e, 30, 2.0 * e), "epoch " + e + " of 30");
        }
        assertThat(jobs.find(id).orElseThrow().etaSeconds()).isCloseTo(18.0, within(1e-9));
        // A time budget of 50 s ends the training 6 s after epoch 22's 44 s, before its 8 epochs left.
        TrainingEta budgeted = new TrainingEta(50);
        budgeted.after(1, 30, 2.0);
        resumed.progress(22, 30, 0.5, 0.6, budgeted.after(22, 30, 44.0), "epoch 22 of 30");
        assertThat(jobs.find(id).orElseThrow().etaSeconds()).isCloseTo(6.0, within(1e-9));
    }

    @Test
    void workerRunsJobReportsProgressAndRecordsTheModel() throws Exception {
        UUID id = enqueue(3);
        JobWorkers w = workers((job, ctx) -> {
            for (int e = 1; e <= 3; e++) {
                ctx.progress(e, 3, 1.0 / e, 2.0 / e, "epoch " + e);
            }
            return "model-" + job.id();
        });
        w.start();
        try {
            await(() -> jobs.find(id).orElseThrow().status().isFinal());
        } finally {
            w.stop();
        }
        TrainingJob j = jobs.find(id).orElseThrow();
        assertThat(j.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(j.modelId()).isEqualTo("model-" + id);
        assertThat(j.epoch()).isEqualTo(3);
        assertThat(j.trainLoss()).isEqualTo(1.0 / 3);
        assertThat(j.etaSeconds()).isEqualTo(0.0);
        assertThat(j.leaseOwner()).isNull();
    }

    @Test
    void failingJobStoresTheReason() throws Exception {
        UUID id = enqueue(3);
        JobWorkers w = workers((job, ctx) -> {
            throw new IllegalStateException("dataset ds-1 has only 10 points in its val split");
        });
        w.start();
        try {
            await(() -> jobs.find(id).orElseThrow().status().isFinal());
        } finally {
            w.stop();
        }
        TrainingJob j = jobs.find(id).orElseThrow();
        assertThat(j.status()).isEqualTo(JobStatus.FAILED);
        assertThat(j.failureReason()).isEqualTo("dataset ds-1 has only 10 points in its val split");
    }

    @Test
    void runningJobStopsAtNextProgressWhenCancelled() throws Exception {
        UUID id = enqueue(3);
        CountDownLatch started = new CountDownLatch(1);
        JobWorkers w = workers((job, ctx) -> {
            started.countDown();
            for (int e = 1; e <= 10_000; e++) {
                Thread.sleep(10);
                ctx.progress(e, 10_000, 1.0, 1.0, null);
            }
            return "never";
        });
        w.start();
        try {
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            jobs.requestCancel(id);
            await(() -> jobs.find(id).orElseThrow().status().isFinal());
        } finally {
            w.stop();
        }
        TrainingJob j = jobs.find(id).orElseThrow();
        assertThat(j.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(j.failureReason()).isEqualTo("cancelled by request");
        assertThat(j.epoch()).isLessThan(10_000);
    }

    @Test
    void shutdownHandsRunningJobBackToTheQueue() throws Exception {
        UUID id = enqueue(3);
        CountDownLatch started = new CountDownLatch(1);
        JobWorkers w = workers((job, ctx) -> {
            started.countDown();
            while (true) {
                Thread.sleep(10);
                ctx.checkCancelled();
            }
        });
        w.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        w.stop();
        TrainingJob j = jobs.find(id).orElseThrow();
        assertThat(j.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(j.attempts()).isEqualTo(0);
        assertThat(jobs.claim("next", LEASE)).isPresent();
    }

    @Test
    void cancelledJobWhoseWorkerDiedEndsCancelledAndItsRunIsClosed() throws Exception {
        UUID id = enqueue(3);
        jobs.claim("dead", LEASE).orElseThrow();
        jobs.requestCancel(id);
        // The worker died before its next progress report, so it never saw the request.
        jobs.expireLease(id);
        // A job left queued with a cancel request by an earlier version (it was never claimed).
        UUID stuck = enqueue(3);
        jdbc.sql("UPDATE training.jobs SET cancel_requested = true WHERE id = :id").param("id", stuck).update();

        Map<UUID, JobStatus> closed = new ConcurrentHashMap<>();
        JobWorkers w = new JobWorkers(jobs, neverTrains("a cancelled job must not be trained again"), FAST, job -> closed.put(job.id(), job.status()));
        w.start();
        try {
            await(() -> closed.containsKey(id) && closed.containsKey(stuck));
        } finally {
            w.stop();
        }
        for (UUID job : List.of(id, stuck)) {
            TrainingJob j = jobs.find(job).orElseThrow();
            assertThat(j.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(j.failureReason()).isEqualTo("cancelled by request");
            assertThat(j.finishedAt()).isNotNull();
            assertThat(j.leaseOwner()).isNull();
            assertThat(closed.get(job)).isEqualTo(JobStatus.CANCELLED);
        }
        assertThat(jobs.find(id).orElseThrow().attempts()).isEqualTo(1);
    }

    /**
     * A job whose delivery was complete (model registered, run finished) but whose success could
     * not be recorded stays running until its lease runs out; on its last attempt the abandoned
     * sweep then failed it, and with a cancel request it was cancelled, though its model stood.
     */
    @Test
    void aDeliveredJobWhoseSuccessWasNotRecordedEndsSucceededEvenOnItsLastAttempt() throws Exception {
        UUID lastAttempt = enqueue(1);
        UUID cancelledLate = enqueue(3);
        for (UUID id : List.of(lastAttempt, cancelledLate)) {
            jobs.claim("dead", LEASE).orElseThrow();
            // One job recorded before the outcome was (no training_outcome), one after.
            jdbc.sql("UPDATE training.jobs SET epoch = 7, epochs = 9,"
                            + " training_outcome = CASE WHEN id = :recorded THEN 'stopped at 7; weights of 5' END WHERE id = :id")
                    .param("id", id)
                    .param("recorded", cancelledLate)
                    .update();
            jdbc.sql("INSERT INTO training.outbox (job_id, run_id, model_name, metrics, model_id, delivered_at)"
                            + " VALUES (:id, :run, 'm', '[]'::jsonb, :model, now())")
                    .param("id", id)
                    .param("run", UUID.randomUUID())
                    .param("model", "model-of-" + id)
                    .update();
            jobs.expireLease(id);
        }
        jobs.requestCancel(cancelledLate);

        Map<UUID, JobStatus> closed = new ConcurrentHashMap<>();
        JobWorkers w = new JobWorkers(jobs, neverTrains("a delivered job is not trained again"), FAST, job -> closed.put(job.id(), job.status()));
        w.start();
        try {
            await(() -> jobs.find(lastAttempt).orElseThrow().status().isFinal() && jobs.find(cancelledLate).orElseThrow().status().isFinal());
        } finally {
            w.stop();
        }
        for (UUID id : List.of(lastAttempt, cancelledLate)) {
            TrainingJob j = jobs.find(id).orElseThrow();
            assertThat(j.status()).as(id.toString()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(j.modelId()).isEqualTo("model-of-" + id);
            assertThat(j.failureReason()).isNull();
            assertThat(j.message())
                    .as("the sweep's message is the recorded outcome, or the epochs without one")
                    .isEqualTo(id.equals(cancelledLate) ? "succeeded; stopped at 7; weights of 5" : "succeeded; training stopped early after epoch 7 of 9");
            assertThat(j.leaseOwner()).isNull();
        }
        assertThat(closed).as("a finished run is not closed again").isEmpty();
    }

    /** Journal rows of a job whose run is closed (an append that lost a race with its end) are dropped. */
    @Test
    void metricJournalsOfClosedRunsAreDroppedBySweeper() {
        UUID ended = enqueue(3);
        UUID open = enqueue(3);
        for (UUID id : List.of(ended, open)) {
            jdbc.sql("INSERT INTO training.metric_journal (job_id, key, step, value, logged_at) VALUES (:id, 'train_loss', 1, 0.5, now())")
                    .param("id", id)
                    .update();
        }
        jdbc.sql("UPDATE training.jobs SET status = 'failed', finished_at = now(), run_closed = true WHERE id = :id").param("id", ended).update();
        workers((job, ctx) -> "m").closeOpenRuns();
        assertThat(jdbc.sql("SELECT job_id FROM training.metric_journal").query(UUID.class).list()).containsExactly(open);
    }

    /**
     * A worker whose lease was taken over before its heartbeat noticed closed the job's run when it
     * then failed, under the new owner: the executor asks this before closing a run.
     */
    @Test
    void aWorkerWhoseJobWasTakenOverNoLongerHoldsItsLease() {
        UUID id = enqueue(3);
        jobs.claim("first", LEASE).orElseThrow();
        JobContext first = new JobContext(jobs, id, "first", Duration.ofSeconds(1));
        assertThat(first.holdsLease()).isTrue();
        jobs.expireLease(id);
        assertThat(first.holdsLease()).as("expired, not yet taken").isTrue();
        jobs.claim("second", LEASE).orElseThrow();
        assertThat(first.holdsLease()).isFalse();
        assertThat(new JobContext(jobs, id, "second", Duration.ofSeconds(1)).holdsLease()).isTrue();
    }

    @Test
    void jobCancelledJustBeforeShutdownEndsCancelledInsteadOfQueued() throws Exception {
        UUID id = enqueue(3);
        CountDownLatch started = new CountDownLatch(1);
        JobWorkers w = workers((job, ctx) -> {
            started.countDown();
            // The shutdown comes before the job's next check, so that check sees both.
            while (!ctx.stopRequested()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    // the shutdown's interrupt: carry on to the check, as a job between two epochs does
                }
            }
            ctx.checkCancelled();
            return "never";
        });
        w.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        jobs.requestCancel(id);
        w.stop();
        TrainingJob j = jobs.find(id).orElseThrow();
        assertThat(j.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(j.failureReason()).isEqualTo("cancelled by request");
        assertThat(j.finishedAt()).isNotNull();
        assertThat(j.leaseOwner()).isNull();
        // its run is closed by the sweeper of whichever replica runs next
        assertThat(jobs.endedWithOpenRun(10)).extracting(TrainingJob::id).containsExactly(id);
        assertThat(jobs.claim("next", LEASE)).isEmpty();
    }

    /** The test's database, unreachable (connection refused) while {@code down} is set. */
    private static final class UnreliableDatabase extends DriverManagerDataSource {

        final AtomicBoolean down = new AtomicBoolean();

        UnreliableDatabase(String url) {
            super(url, TestDatabaseServer.get().username(), TestDatabaseServer.get().password());
        }

        @Override
        protected Connection getConnectionFromDriver(String username, String password) throws SQLException {
            if (down.get()) {
                throw new SQLException("Connection refused (the test's outage)", "08001");
            }
            return super.getConnectionFromDriver(username, password);
        }
    }

    @Test
    void jobWhoseSuccessCannotBeRecordedInAnOutageIsDoneAgainInsteadOfFailed() throws Exception {
        UUID id = enqueue(3);
        UnreliableDatabase db = new UnreliableDatabase(url);
        AtomicInteger runs = new AtomicInteger();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        // A tolerance of 4 s: recording the success gives up after 3.75 s of outage; recording a
        // failure instead would retry until 7.75 s and get through once PostgreSQL is back at 5 s.
        JobWorkers w = new JobWorkers(new JobRepository(JdbcClient.create(db)), (job, ctx) -> {
            if (runs.incrementAndGet() == 1) {
                // Everything is delivered; PostgreSQL goes away before the success is recorded.
                db.down.set(true);
                later.schedule(() -> db.down.set(false), 5, TimeUnit.SECONDS);
            }
            return "model-1";
        }, new TrainingProperties(1, Duration.ofSeconds(3), Duration.ofMillis(50), 3, Duration.ofSeconds(4)));
        w.start();
        try {
            await(() -> jobs.find(id).orElseThrow().status().isFinal());
        } finally {
            w.stop();
            later.shutdownNow();
        }
        TrainingJob j = jobs.find(id).orElseThrow();
        assertThat(j.status()).as(j.failureReason()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(j.modelId()).isEqualTo("model-1");
        // Taken up again once its lease ran out, and its (repeatable) delivery done again.
        assertThat(runs.get()).isEqualTo(2);
        assertThat(j.attempts()).isEqualTo(2);
    }
}
