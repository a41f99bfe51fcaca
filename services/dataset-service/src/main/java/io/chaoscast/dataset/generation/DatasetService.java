package io.chaoscast.dataset.generation;

import io.chaoscast.contracts.datasets.DatasetPage;
import io.chaoscast.contracts.datasets.DatasetRecipe;
import io.chaoscast.contracts.datasets.DatasetRequest;
import io.chaoscast.contracts.datasets.Npy;
import io.chaoscast.contracts.datasets.DatasetResponse;
import io.chaoscast.contracts.datasets.SplitFractions;
import io.chaoscast.dataset.config.DatasetProperties;
import io.chaoscast.dataset.systems.SystemRegistry;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.dataset.web.DatasetError;
import io.chaoscast.web.problem.CommonError;
import io.chaoscast.dynamics.catalog.Invariants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Service;

/** Creating, describing and opening datasets. */
@Service
public class DatasetService {

    /**
     * What POST did: created now, or found an earlier identical recipe; {@code data} when the bytes
     * were written by this request (so answering with them needs no second look-up), else null.
     */
    public record Creation(DatasetResponse dataset, boolean created, ReadyData data) {

        Creation(DatasetResponse dataset, boolean created) {
            this(dataset, created, null);
        }
    }

    /** A ready dataset whose bytes are on disk. */
    public record ReadyData(DatasetRow row, DatasetRecipe recipe, SplitLayout layout, Path file) {}

    private final RecipeNormalizer normalizer;
    private final DatasetRepository repository;
    private final DatasetFiles files;
    private final GenerationJobs jobs;
    private final SystemRegistry registry;
    private final DatasetProperties properties;
    private final Object[] regenerationLocks = new Object[64];
    /**
     * Rows of ready datasets: a ready row never changes again, so reading its bytes needs no
     * database round trip once this instance has seen it. Bounded by clearing when full.
     */
    private final Map<String, DatasetRow> readyRows = new ConcurrentHashMap<>();

    private static final int READY_ROWS_CACHED = 10_000;

    /** Runs the lookups of earlier identical recipes beside the integrations of the requests. */
    private final ExecutorService lookups = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "dataset-recipe-lookup");
        t.setDaemon(true);
        return t;
    });

    public DatasetService(
            RecipeNormalizer normalizer,
            DatasetRepository repository,
            DatasetFiles files,
            GenerationJobs jobs,
            SystemRegistry registry,
            DatasetProperties properties) {
        this.normalizer = normalizer;
        this.repository = repository;
        this.files = files;
        this.jobs = jobs;
        this.registry = registry;
        this.properties = properties;
        for (int i = 0; i < regenerationLocks.length; i++) {
            regenerationLocks[i] = new Object();
        }
    }

    public Creation create(DatasetRequest request) {
        RecipeNormalizer.Normalized normalized = normalizer.normalize(request);
        DatasetRecipe recipe = normalized.recipe();
        GenerationPlan plan = normalized.plan();
        String json = RecipeIds.canonicalJson(recipe);
        String id = RecipeIds.id(recipe);
        if (plan.totalPoints() <= properties.synchronousMaxPoints() && plan.integratedPeriods() <= properties.synchronousMaxPeriods()) {
            // Small recipes are generated in this request before their row exists: the lookup of an
            // earlier identical recipe runs beside the integration, then one insert records the
            // finished row (no 'generating' row to insert and update, which cost two commits).
            DatasetRow known = readyRows.get(id);
            if (known != null) {
                return new Creation(toResponse(known, recipe, plan), false);
            }
            EarlierRecipe earlier = EarlierRecipe.lookUp(() -> repository.find(id), lookups);
            Optional<DatasetRow> done;
            try {
                done = jobs.runUnrecorded(id, json, plan, earlier);
            } catch (DatasetGenerator.CancelledException e) {
                throw new ApiException(CommonError.BUSY, null, "the generation was interrupted (the service is stopping); retry");
            }
            if (done.isEmpty()) {
                // posted before, or an identical recipe won the race
                DatasetRow row = earlier.await().filter(r -> EarlierRecipe.usable(Optional.of(r))).orElseGet(() -> require(id));
                remember(row);
                return new Creation(toResponse(row), false);
            }
            remember(done.get());
            DatasetRow row = done.get();
            ReadyData data = DatasetResponse.READY.equals(row.status()) ? new ReadyData(row, recipe, plan.split(), files.path(id)) : null;
            return new Creation(toResponse(row, recipe, plan), true, data);
        }
        Optional<DatasetRow> inserted = repository.insertGenerating(
                id, recipe.system(), json, plan.trajectories(), plan.length(), plan.dimension(), plan.samplingInterval());
        if (inserted.isEmpty()) {
            // A failed dataset is generated again when its recipe is posted again.
            inserted = repository.restartFailed(id);
        }
        if (inserted.isEmpty()) {
            return new Creation(toResponse(require(id)), false); // posted before
        }
        try {
            jobs.submit(id, plan);
        } catch (RejectedExecutionException e) {
            repository.delete(id);
            throw new ApiException(
                    CommonError.BUSY,
                    null,
                    "the generation queue is full (" + properties.queueCapacity() + " waiting); retry shortly");
        }
        return new Creation(toResponse(inserted.get(), recipe, plan), true);
    }

    @PreDestroy
    void stop() {
        lookups.shutdownNow();
    }

    public DatasetResponse get(String id) {
        return toResponse(require(id));
    }

    public DatasetPage list(int page, int size, String system, String status) {
        if (page < 0 || page > 1_000_000) {
            throw ApiException.invalid("page", "page must be between 0 and 1000000, found " + page);
        }
        if (size < 1 || size > 200) {
            throw ApiException.invalid("size", "size must be between 1 and 200, found " + size);
        }
        if (status != null && !status.equals(DatasetResponse.GENERATING) && !status.equals(DatasetResponse.READY)
                && !status.equals(DatasetResponse.FAILED)) {
            throw ApiException.invalid("status", "status must be one of generating, ready, failed; found '" + status + "'");
        }
        String systemName = system == null ? null : registry.require(system).name();
        var rows = repository.page(systemName, status, page * size, size);
        return new DatasetPage(rows.stream().map(this::toResponse).toList(), page, size, repository.count(systemName, status));
    }

    /**
     * The bytes of a ready dataset, regenerated from the recipe when the cache lost them; the
     * regenerated bytes must match the stored checksum. A cached file is checked against the
     * checksum once per process (files this process wrote count as checked), so bytes a crash
     * garbled are regenerated instead of served.
     */
    public ReadyData open(String id) {
        DatasetRow row = readyRows.get(id);
        if (row == null) {
            row = require(id);
            remember(row);
        }
        if (!DatasetResponse.READY.equals(row.status())) {
            String why = DatasetResponse.FAILED.equals(row.status())
                    ? "dataset " + id + " failed: " + row.failureReason()
                    : "dataset " + id + " is still generating (progress " + Math.round(row.progress() * 100) + " %); retry when its status is ready";
            throw new ApiException(DatasetError.DATASET_NOT_READY, "id", why);
        }
        DatasetRecipe recipe = RecipeIds.parse(row.recipeJson());
        SplitLayout layout = SplitLayout.of(row.length(), recipe.split().train(), recipe.split().val());
        if (!files.isComplete(id, row.sizeBytes()) || !files.isVerified(id)) {
            synchronized (regenerationLocks[Math.floorMod(id.hashCode(), regenerationLocks.length)]) {
                boolean complete = files.isComplete(id, row.sizeBytes());
                if (!complete || !files.isVerified(id)) {
                    byte[] header = Npy.header(row.trajectories(), row.length(), row.dimension());
                    if (!complete || !files.contentMatches(id, header, row.checksum())) {
                        files.forget(id);
                        regenerate(row, recipe);
                    }
                    files.markVerified(id);
                }
            }
        }
        return new ReadyData(row, recipe, layout, files.path(id));
    }

    private void remember(DatasetRow row) {
        if (DatasetResponse.READY.equals(row.status())) {
            if (readyRows.size() >= READY_ROWS_CACHED) {
                readyRows.clear();
            }
            readyRows.put(row.id(), row);
        }
    }

    /** Drops what this instance remembers of a dataset, as a fresh instance would start. */
    void forget(String id) {
        readyRows.remove(id);
        files.forget(id);
    }

    private void regenerate(DatasetRow row, DatasetRecipe recipe) {
        Path temp = null;
        try {
            temp = files.newTemp(row.id());
            DatasetGenerator.GeneratedData data = new DatasetGenerator().generate(normalizer.plan(recipe), temp, (d, t) -> {});
            if (!data.checksum().equals(row.checksum())) {
                throw new ApiException(
                        DatasetError.CHECKSUM_MISMATCH,
                        null,
                        "the cached bytes of dataset " + row.id() + " were gone and regenerating them gave checksum " + data.checksum()
                                + " instead of " + row.checksum() + "; this build integrates differently from the one that made it");
            }
            files.publish(temp, row.id());
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not regenerate dataset " + row.id(), e);
        } finally {
            if (temp != null) {
                files.deleteQuietly(temp);
            }
        }
    }

    private DatasetRow require(String id) {
        return repository.find(id)
                .orElseThrow(() -> new ApiException(DatasetError.DATASET_NOT_FOUND, "id", "no dataset with id " + id));
    }

    DatasetResponse toResponse(DatasetRow row) {
        return toResponse(row, RecipeIds.parse(row.recipeJson()));
    }

    /** For a stored row: the recipe's system is looked up (it may have left the catalog). */
    private DatasetResponse toResponse(DatasetRow row, DatasetRecipe recipe) {
        Double lyapunovTime = registry.find(recipe.system())
                .flatMap(s -> registry.invariantsAt(s, s.resolveParameters(recipe.parameters())))
                .map(Invariants::lyapunovTime)
                .filter(Double::isFinite)
                .orElse(null);
        return toResponse(row, recipe, lyapunovTime);
    }

    /** For a request just resolved: its plan already holds the system and the parameter array. */
    private DatasetResponse toResponse(DatasetRow row, DatasetRecipe recipe, GenerationPlan plan) {
        Double lyapunovTime = registry.invariantsAt(plan.system(), plan.parameters())
                .map(Invariants::lyapunovTime)
                .filter(Double::isFinite)
                .orElse(null);
        return toResponse(row, recipe, lyapunovTime);
    }

    private DatasetResponse toResponse(DatasetRow row, DatasetRecipe recipe, Double lyapunovTime) {
        SplitFractions f = recipe.split();
        return new DatasetResponse(
                row.id(),
                row.status(),
                row.progress(),
                row.checksum(),
                new int[] {row.trajectories(), row.length(), row.dimension()},
                row.samplingInterval(),
                lyapunovTime,
                SplitLayout.of(row.length(), f.train(), f.val()).ranges(),
                GenerationJobs.standardization(row.standardizationJson()),
                recipe,
                row.failureReason(),
                row.createdAt(),
                row.completedAt());
    }
}
