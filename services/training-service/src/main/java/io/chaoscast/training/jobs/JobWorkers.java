package io.chaoscast.training.jobs;

import io.chaoscast.training.config.TrainingProperties;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The worker threads of this replica. Each loops: claim a job, run it under a lease renewed by
 * heartbeat, record the outcome. On shutdown running jobs are asked to stop and handed back to
 * the queue, so a restart resumes them instead of losing them; one with a cancel request is
 * cancelled instead, as its worker would have done at its next check. One sweeper per replica
 * ends abandoned jobs (succeeded when delivered, cancelled when a user asked for it, failed when
 * their workers kept dying) and closes the runs of ended jobs whose close the results-service did
 * not confirm, so no run stays {@code running} after its job.
 */
@Component
public class JobWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);

    private final JobRepository jobs;
    private final JobExecutor executor;
    private final TrainingProperties properties;
    private final RunCloser runCloser;
    private final String replica = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<UUID, JobContext> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService heartbeats;
    private ScheduledExecutorService runSweeper;
    private volatile boolean active;

    @Autowired
    public JobWorkers(JobRepository jobs, JobExecutor executor, TrainingProperties properties, RunCloser runCloser) {
        this.jobs = jobs;
        this.executor = executor;
        this.properties = properties;
        this.runCloser = runCloser;
    }

    public JobWorkers(JobRepository jobs, JobExecutor executor, TrainingProperties properties) {
        this(jobs, executor, properties, RunCloser.NONE);
    }

    @Override
    public synchronized void start() {
        if (active) {
            return;
        }
        active = true;
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "training-heartbeat"));
        long period = Math.max(100, properties.lease().toMillis() / 3);
        heartbeats.scheduleAtFixedRate(this::renewLeases, period, period, TimeUnit.MILLISECONDS);
        if (properties.workers() > 0) {
            runSweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "training-sweeper"));
            long every = Math.max(1000, properties.pollInterval().toMillis() * 5);
            runSweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        }
        for (int i = 0; i < properties.workers(); i++) {
            String owner = replica + "#" + i;
            Thread t = new Thread(() -> loop(owner), "training-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        log.info("training workers started: {} worker(s), lease {}", properties.workers(), properties.lease());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void loop(String owner) {
        while (active) {
            try {
                Optional<TrainingJob> claimed = jobs.claim(owner, properties.lease());
                if (claimed.isPresent()) {
                    run(claimed.get(), owner);
                } else {
                    Thread.sleep(properties.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be briefly unavailable; keep the worker alive and retry.
                log.warn("training worker {} hit an error and retries: {}", owner, e.toString());
                sleepQuietly(properties.pollInterval().toMillis());
            }
        }
    }

    private void run(TrainingJob job, String owner) {
        JobContext context = new JobContext(jobs, job.id(), owner, properties.outageTolerance());
        running.put(job.id(), context);
        log.info("job {} claimed by {} (attempt {}/{})", job.id(), owner, job.attempts(), job.maxAttempts());
        try {
            String modelId = executor.execute(job, context);
            recordSuccess(context, job, owner, modelId);
        } catch (JobCancelledException e) {
            if (e.leaseLost()) {
                log.warn("job {}: {}", job.id(), e.getMessage());
            } else if (context.stopRequested()) {
                release(context, job, owner);
            } else {
                context.withRetry("recording cancellation", () -> jobs.cancelled(job.id(), owner, e.getMessage()));
            }
        } catch (Exception | OutOfMemoryError e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("job {} failed: {}", job.id(), reason, e);
            if (context.stopRequested()) {
                release(context, job, owner);
            } else {
                try {
                    context.withRetry("recording failure", () -> jobs.fail(job.id(), owner, reason));
                } catch (RuntimeException ex) {
                    // Still running with our lease: once it expires the job is taken up again.
                    log.warn("job {}: could not record its failure: {}", job.id(), ex.toString());
                }
            }
        } finally {
            running.remove(job.id());
        }
    }

    private void recordSuccess(JobContext context, TrainingJob job, String owner, String modelId) {
        try {
            if (!context.withRetry("recording success", () -> jobs.succeed(job.id(), owner, modelId))) {
                log.warn("job {} finished but {} no longer held it; another worker's result stands", job.id(), owner);
            }
        } catch (JobCancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            // Its results are delivered: recording a failure now (the database back a moment
            // later) would fail a job that succeeded. It stays running under our lease; once that
            // runs out another worker takes it up and delivers again, which ends in its success.
            log.warn("job {} finished but its success could not be recorded; it is taken up again: {}", job.id(), e.toString());
        }
    }

    private void release(JobContext context, TrainingJob job, String owner) {
        try {
            jobs.release(job.id(), owner).ifPresent(status -> log.info("job {} {} as this worker stops", job.id(),
                    status == JobStatus.CANCELLED ? "cancelled as requested" : "handed back to the queue"));
        } catch (RuntimeException e) {
            // The lease runs out instead: another worker takes the job up, or cancels it when requested.
            log.warn("job {}: could not hand it back to the queue: {}", job.id(), e.toString());
        }
    }

    /**
     * Once per replica, not in every worker's claim loop: ends the jobs no worker will end, then
     * closes the runs of ended jobs, theirs included.
     */
    private void sweep() {
        endAbandoned();
        closeOpenRuns();
    }

    /**
     * Ends abandoned jobs: succeeded when their delivery was complete (first, so that neither of
     * the others ends such a job), cancelled when a user asked for it, failed when their workers
     * kept dying. Claims skip all of these, so nothing depends on this running before a claim.
     */
    private void endAbandoned() {
        try {
            int delivered = jobs.succeedDelivered();
            if (delivered > 0) {
                log.info("{} delivered job(s) whose success had not been recorded ended as succeeded", delivered);
            }
            int cancelled = jobs.cancelAbandoned();
            if (cancelled > 0) {
                log.info("cancelled {} job(s) whose cancel request no worker would act on", cancelled);
            }
            int failed = jobs.failAbandoned();
            if (failed > 0) {
                log.warn("failed {} job(s) whose workers were lost too many times", failed);
            }
        } catch (RuntimeException e) {
            log.warn("ending abandoned jobs failed, tried again later: {}", e.toString());
        }
    }

    /** Closes the runs of ended jobs that are still open; an unreachable results-service is tried again later. */
    void closeOpenRuns() {
        try {
            for (TrainingJob job : jobs.endedWithOpenRun(50)) {
                if (job.runId() != null) {
                    runCloser.close(job);
                }
                jobs.markRunClosed(job.id());
            }
            jobs.dropJournalsOfClosedRuns();
        } catch (RuntimeException e) {
            log.warn("closing the runs of ended jobs failed, tried again later: {}", e.toString());
        }
    }

    private void renewLeases() {
        for (Map.Entry<UUID, JobContext> e : running.entrySet()) {
            try {
                if (!jobs.heartbeat(e.getKey(), e.getValue().owner(), properties.lease())) {
                    e.getValue().requestStop();
                }
            } catch (RuntimeException ex) {
                log.warn("heartbeat for job {} failed: {}", e.getKey(), ex.toString());
            }
        }
    }

    /** Jobs this replica is running now. */
    public int runningCount() {
        return running.size();
    }

    public String replica() {
        return replica;
    }

    @Override
    public synchronized void stop() {
        if (!active) {
            return;
        }
        active = false;
        running.values().forEach(JobContext::requestStop);
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        heartbeats.shutdownNow();
        if (runSweeper != null) {
            runSweeper.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
