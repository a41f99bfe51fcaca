package io.chaoscast.dataset.generation;

import io.chaoscast.contracts.datasets.Standardization;
import io.chaoscast.dataset.config.DatasetProperties;
import io.chaoscast.dynamics.integration.DivergenceException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs generations: in the caller's thread for small recipes, on a bounded pool for large ones.
 * Keeps a heartbeat on every generation it runs, and takes over generations whose heartbeat
 * stopped (a crash or restart mid-generation): they are regenerated from the recipe, or marked
 * failed once {@code maxAttempts} generations were started without finishing.
 */
@Component
public class GenerationJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GenerationJobs.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long a finished generation waits for the database to record it ready. */
    static final Duration DATABASE_PATIENCE = Duration.ofMinutes(2);

    private final DatasetRepository repository;
    private final DatasetFiles files;
    private final RecipeNormalizer normalizer;
    private final DatasetProperties properties;
    private final GenerationMetrics metrics;
    private final DatasetGenerator generator = new DatasetGenerator();
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService housekeeping;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /**
     * Generations this instance holds: queued on its pool or running. All of them get the
     * heartbeat, so that a generation waiting behind others is not taken for an orphan.
     */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Small recipes being generated inside their requests (they have no row yet). */
    private final Set<String> inRequests = ConcurrentHashMap.newKeySet();

    public GenerationJobs(
            DatasetRepository repository,
            DatasetFiles files,
            RecipeNormalizer normalizer,
            DatasetProperties properties,
            GenerationMetrics metrics) {
        this.repository = repository;
        this.files = files;
        this.normalizer = normalizer;
        this.properties = properties;
        this.metrics = metrics;
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(1, properties.workerThreads());
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, properties.queueCapacity())),
                r -> {
                    Thread t = new Thread(r, "dataset-generator-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dataset-housekeeping");
            t.setDaemon(true);
            return t;
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        long heartbeat = Math.max(100, properties.staleAfter().toMillis() / 4);
        housekeeping.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        long sweep = Math.max(100, properties.sweepInterval().toMillis());
        // The first sweep, at once, also removes the temporary files earlier processes left.
        housekeeping.scheduleWithFixedDelay(this::sweepQuietly, 0, sweep, TimeUnit.MILLISECONDS);
    }

    /**
     * Generates now, in this thread, before the dataset has a row, and records the outcome with a
     * single insert: the synchronous path of small recipes pays one database round trip instead of
     * an insert before and an update after. The lookup of an earlier identical recipe runs beside
     * the integration; a usable earlier row wins, and a failed one is replaced.
     *
     * @return the row (ready or failed) with whether this call made it; not made when an earlier
     *     identical recipe's row was found or appeared meanwhile
     * @throws DatasetGenerator.CancelledException when the thread was interrupted
     */
    public Optional<DatasetRow> runUnrecorded(String id, String recipeJson, GenerationPlan plan, EarlierRecipe earlier) {
        Path temp = null;
        long start = System.nanoTime();
        inRequests.add(id);
        try {
            DatasetGenerator.GeneratedData data = null;
            String failure;
            try {
                temp = files.newTemp(id);
                data = generator.generate(plan, temp, (done, total) -> {
                    if (earlier.foundUsable()) {
                        throw new Superseded();
                    }
                });
                failure = null;
            } catch (Superseded e) {
                metrics.generated(GenerationMetrics.Mode.REQUEST, GenerationMetrics.Outcome.SUPERSEDED, start, 0);
                return Optional.empty();
            } catch (DivergenceException e) {
                failure = e.getMessage();
            } catch (IOException e) {
                log.warn("could not write dataset {}", id, e);
                failure = "could not write the dataset bytes: " + e.getMessage();
            } catch (DatasetGenerator.CancelledException e) {
                metrics.generated(GenerationMetrics.Mode.REQUEST, GenerationMetrics.Outcome.INTERRUPTED, start, 0);
                throw e;
            } catch (RuntimeException e) {
                log.warn("generation of {} failed", id, e);
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (!settleEarlier(id, earlier)) {
                metrics.generated(GenerationMetrics.Mode.REQUEST, GenerationMetrics.Outcome.SUPERSEDED, start, 0);
                return Optional.empty();
            }
            if (failure == null) {
                try {
                    files.publish(temp, id);
                    files.markVerified(id);
                    temp = null;
                    metrics.generated(GenerationMetrics.Mode.REQUEST, GenerationMetrics.Outcome.READY, start, plan.totalPoints());
                    return insertFinished(id, recipeJson, plan, data.checksum(), data.sizeBytes(), json(data.standardization()), null);
                } catch (IOException e) {
                    log.warn("could not publish dataset {}", id, e);
                    failure = "could not write the dataset bytes: " + e.getMessage();
                }
            }
            metrics.generated(GenerationMetrics.Mode.REQUEST, GenerationMetrics.Outcome.FAILED, start, 0);
            return insertFinished(id, recipeJson, plan, null, null, null, failure);
        } finally {
            inRequests.remove(id);
            if (temp != null) {
                files.deleteQuietly(temp);
            }
        }
    }

    /** Waits for the lookup: false when an earlier row stands; a failed earlier row is removed. */
    private boolean settleEarlier(String id, EarlierRecipe earlier) {
        Optional<DatasetRow> row = earlier.await();
        if (EarlierRecipe.usable(row)) {
            return false;
        }
        if (row.isPresent()) {
            repository.deleteFailed(id);
        }
        return true;
    }

    /** Thrown from the progress listener to stop an integration an earlier row made pointless. */
    private static final class Superseded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Superseded() {
            super(null, null, false, false);
        }
    }

    private Optional<DatasetRow> insertFinished(
            String id, String recipeJson, GenerationPlan plan, String checksum, Long size, String std, String failure) {
        return metrics.recording(GenerationMetrics.Mode.REQUEST, () -> repository.insertFinished(
                id,
                plan.system().name(),
                recipeJson,
                plan.trajectories(),
                plan.length(),
                plan.dimension(),
                plan.samplingInterval(),
                checksum,
                size,
                std,
                failure));
    }

    /**
     * Queues a background generation; one this instance holds already is not queued twice.
     *
     * @throws RejectedExecutionException when the queue is full
     */
    public void submit(String id, GenerationPlan plan) {
        if (!held.add(id)) {
            return;
        }
        try {
            pool.execute(() -> run(id, plan));
        } catch (RejectedExecutionException e) {
            held.remove(id);
            throw e;
        }
    }

    /** Whether this instance is generating the dataset right now. */
    public boolean isRunning(String id) {
        return running.contains(id);
    }

    /**
     * Takes over every generation whose heartbeat stopped.
     *
     * @return how many were resumed (queued) or marked failed
     */
    public int sweep() {
        int handled = 0;
        for (String id : repository.staleGenerating(properties.staleAfter())) {
            if (held.contains(id)) {
                continue; // queued or running here: its heartbeat was late, not stopped
            }
            int attempt = repository.claim(id, properties.staleAfter());
            if (attempt == 0) {
                continue; // another replica took it
            }
            handled++;
            if (attempt > properties.maxAttempts()) {
                repository.failed(
                        id,
                        "generation was interrupted " + (attempt - 1) + " times (restart or crash before it finished);"
                                + " gave up after " + properties.maxAttempts() + " attempts");
                continue;
            }
            DatasetRow row = repository.find(id).orElse(null);
            if (row == null) {
                continue;
            }
            GenerationPlan plan;
            try {
                plan = normalizer.plan(RecipeIds.parse(row.recipeJson()));
            } catch (RuntimeException e) {
                repository.failed(id, "the stored recipe can no longer be resolved: " + e.getMessage());
                continue;
            }
            try {
                log.info("resuming generation of dataset {} (attempt {})", id, attempt);
                submit(id, plan);
            } catch (RejectedExecutionException e) {
                repository.unclaim(id);
            }
        }
        return handled;
    }

    private void sweepQuietly() {
        try {
            sweep();
            removeAbandonedTemps();
        } catch (RuntimeException e) {
            log.warn("sweep for orphaned generations failed: {}", e.toString());
        }
    }

    /**
     * Deletes the partial files of generations that died (a crash or a kill), at every sweep and
     * not only at startup: a service restarted right after a crash finds them too young to judge.
     * Kept: whatever this instance generates, and generations other replicas keep alive.
     */
    void removeAbandonedTemps() {
        Set<String> alive = Set.copyOf(repository.liveGenerating(properties.staleAfter()));
        files.removeAbandonedTemps(properties.staleAfter().multipliedBy(2),
                id -> held.contains(id) || inRequests.contains(id) || alive.contains(id));
    }

    /** Marks every generation this instance holds as alive (package-private for tests). */
    void heartbeat() {
        try {
            repository.heartbeat(Set.copyOf(held));
        } catch (RuntimeException e) {
            log.warn("heartbeat failed: {}", e.toString());
        }
    }

    /**
     * Retries a database write that must not be lost (the bytes are published already) while the
     * database is unreachable, for up to {@link #DATABASE_PATIENCE}.
     */
    private static <T> T untilTheDatabaseAnswers(String what, Supplier<T> write) {
        long deadline = System.nanoTime() + DATABASE_PATIENCE.toNanos();
        long pause = 250;
        while (true) {
            try {
                return write.get();
            } catch (TransientDataAccessException | DataAccessResourceFailureException | CannotCreateTransactionException e) {
                if (System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                log.warn("{} failed, retrying in {} ms: {}", what, pause, e.toString());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(5_000, pause * 2);
            }
        }
    }

    private Optional<DatasetRow> run(String id, GenerationPlan plan) {
        if (!running.add(id)) {
            return Optional.empty(); // already generating here
        }
        Path temp = null;
        long start = System.nanoTime();
        boolean published = false;
        try {
            // Queued work can go stale while it waits (another replica took over a generation
            // whose heartbeat was lost, or it ended meanwhile): generate only what still waits.
            if (!repository.find(id).map(r -> r.status().equals("generating")).orElse(false)) {
                return Optional.empty();
            }
            temp = files.newTemp(id);
            long[] last = {System.nanoTime()};
            DatasetGenerator.GeneratedData data = generator.generate(plan, temp, (done, total) -> {
                long now = System.nanoTime();
                if (now - last[0] >= properties.progressInterval().toNanos()) {
                    last[0] = now;
                    try {
                        repository.progress(id, 0.99 * done / total);
                    } catch (DataAccessException e) {
                        // Progress is for show; a database blip must not fail the generation.
                        log.debug("progress of {} not recorded: {}", id, e.toString());
                    }
                }
            });
            files.publish(temp, id);
            files.markVerified(id);
            temp = null;
            published = true;
            metrics.generated(GenerationMetrics.Mode.BACKGROUND, GenerationMetrics.Outcome.READY, start, plan.totalPoints());
            String standardization = json(data.standardization());
            return metrics.recording(GenerationMetrics.Mode.BACKGROUND, () -> untilTheDatabaseAnswers(
                    "marking dataset " + id + " ready", () -> repository.ready(id, data.checksum(), data.sizeBytes(), standardization)));
        } catch (DatasetGenerator.CancelledException e) {
            log.info("generation of {} interrupted; it will be resumed", id);
            metrics.generated(GenerationMetrics.Mode.BACKGROUND, GenerationMetrics.Outcome.INTERRUPTED, start, 0);
            return Optional.empty();
        } catch (DivergenceException e) {
            return failed(id, start, e.getMessage());
        } catch (IOException e) {
            log.warn("could not write dataset {}", id, e);
            return failed(id, start, "could not write the dataset bytes: " + e.getMessage());
        } catch (DataAccessException e) {
            // The database, not the recipe, failed: leave the row 'generating'; its heartbeat
            // stops, and the sweep generates it again once the database answers.
            log.warn("generation of {} lost the database; it will be resumed: {}", id, e.toString());
            if (!published) {
                metrics.generated(GenerationMetrics.Mode.BACKGROUND, GenerationMetrics.Outcome.INTERRUPTED, start, 0);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            // Equations that cannot be integrated (an unsupported kind, a non-finite derivative)
            // surface here; the dataset fails with the reason instead of staying 'generating'.
            log.warn("generation of {} failed", id, e);
            return failed(id, start, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                files.deleteQuietly(temp);
            }
            running.remove(id);
            held.remove(id);
        }
    }

    private Optional<DatasetRow> failed(String id, long start, String reason) {
        metrics.generated(GenerationMetrics.Mode.BACKGROUND, GenerationMetrics.Outcome.FAILED, start, 0);
        return metrics.recording(GenerationMetrics.Mode.BACKGROUND, () -> repository.failed(id, reason));
    }

    static String json(Standardization s) {
        return s == null ? null : JSON.writeValueAsString(s);
    }

    static Standardization standardization(String json) {
        return json == null ? null : JSON.readValue(json, Standardization.class);
    }

    @Override
    public void destroy() throws InterruptedException {
        housekeeping.shutdownNow();
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
