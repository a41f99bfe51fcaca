package io.chaoscast.inference.engine;

import ai.djl.Device;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loaded models, bounded by count and by estimated memory, least recently used first out.
 *
 * <p>A model is loaded on first use: its registry entry and artifact are fetched, the artifact's
 * SHA-256 is checked against the registry's, one replica per worker is read from the bytes, and
 * every replica runs one warm-up forecast, so the first request does not pay for lazy native
 * initialisation. Concurrent first requests for one model share a single load. Failed loads are
 * not cached.
 */
public final class ModelCache implements AutoCloseable {

    private final ModelRepository repository;
    private final ForecasterLoader loader;
    private final Device device;
    private final CacheSettings cacheSettings;
    private final BatchingSettings batching;
    private final ServingListener listener;
    private final LinkedHashMap<String, ServedModel> loaded = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, CompletableFuture<ServedModel>> loading = new ConcurrentHashMap<>();

    public ModelCache(
            ModelRepository repository,
            ForecasterLoader loader,
            Device device,
            CacheSettings cacheSettings,
            BatchingSettings batching,
            ServingListener listener) {
        this.repository = repository;
        this.loader = loader;
        this.device = device;
        this.cacheSettings = cacheSettings;
        this.batching = batching;
        this.listener = listener == null ? ServingListener.NONE : listener;
    }

    /** The served model, loading it if needed; any spelling of its id (see {@link ModelIds}). */
    public ServedModel get(String id) {
        String modelId = ModelIds.canonical(id);
        synchronized (loaded) {
            ServedModel m = loaded.get(modelId);
            if (m != null) {
                return m;
            }
        }
        CompletableFuture<ServedModel> mine = new CompletableFuture<>();
        CompletableFuture<ServedModel> running = loading.putIfAbsent(modelId, mine);
        if (running != null) {
            return join(running);
        }
        try {
            ServedModel m;
            synchronized (loaded) {
                // Another thread may have finished loading it between the first look and now.
                m = loaded.get(modelId);
            }
            if (m == null) {
                m = load(modelId);
            }
            mine.complete(m);
            return m;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(modelId);
        }
    }

    /** Loaded models, most recently used last. */
    public List<ServedModel> loaded() {
        synchronized (loaded) {
            return new ArrayList<>(loaded.values());
        }
    }

    public ServedModel peek(String modelId) {
        synchronized (loaded) {
            return loaded.get(ModelIds.canonical(modelId));
        }
    }

    public long memoryBytes() {
        synchronized (loaded) {
            return loaded.values().stream().mapToLong(ServedModel::memoryBytes).sum();
        }
    }

    public ModelRepository repository() {
        return repository;
    }

    private static ServedModel join(CompletableFuture<ServedModel> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private ServedModel load(String modelId) {
        long start = System.nanoTime();
        ModelDescriptor d = repository.describe(modelId);
        long estimate = Math.max(1, d.artifactSizeBytes()) * batching.replicas();
        if (estimate > cacheSettings.maxMemoryBytes()) {
            throw new UnreadableModelException("model " + modelId + " needs about " + estimate
                    + " bytes (" + batching.replicas() + " replicas of " + d.artifactSizeBytes()
                    + " bytes), more than the cache's limit of " + cacheSettings.maxMemoryBytes() + " bytes");
        }
        byte[] bytes = repository.fetchArtifact(d);
        String sha = sha256(bytes);
        if (d.artifactSha256() == null || !sha.equalsIgnoreCase(d.artifactSha256())) {
            throw new ArtifactIntegrityException("artifact " + d.artifactName() + " of model " + modelId
                    + " has SHA-256 " + sha + " but the registry recorded " + d.artifactSha256()
                    + "; refusing to load it");
        }
        List<LoadedForecaster> replicas = new ArrayList<>();
        try {
            for (int i = 0; i < batching.replicas(); i++) {
                LoadedForecaster r = loader.load(d, bytes, device);
                replicas.add(r);
                warmUp(r);
            }
        } catch (RuntimeException | Error e) {
            replicas.forEach(LoadedForecaster::close);
            throw e;
        }
        DynamicBatcher batcher = new DynamicBatcher(modelId, replicas, batching, listener);
        ServedModel m = new ServedModel(d, batcher, (long) bytes.length * replicas.size());
        List<ServedModel> evicted = new ArrayList<>();
        synchronized (loaded) {
            loaded.put(modelId, m);
            long used = loaded.values().stream().mapToLong(ServedModel::memoryBytes).sum();
            Iterator<Map.Entry<String, ServedModel>> it = loaded.entrySet().iterator();
            while ((loaded.size() > cacheSettings.maxModels() || used > cacheSettings.maxMemoryBytes())
                    && it.hasNext()) {
                Map.Entry<String, ServedModel> e = it.next();
                if (e.getValue() == m) {
                    continue;
                }
                used -= e.getValue().memoryBytes();
                evicted.add(e.getValue());
                it.remove();
            }
        }
        for (ServedModel e : evicted) {
            listener.evicted(e.descriptor().id());
            e.close();
        }
        listener.loaded(modelId, System.nanoTime() - start);
        return m;
    }

    /** One forecast on a constant context, so native kernels and allocators are initialised. */
    private static void warmUp(LoadedForecaster r) {
        var spec = r.forecaster().spec();
        double[][][] ctx = new double[1][spec.contextLength()][spec.dimension()];
        for (double[] row : ctx[0]) {
            java.util.Arrays.fill(row, 1.0);
        }
        r.forecaster().forecast(ctx, spec.stepsPerPass(), io.chaoscast.models.policy.ExitPolicy.full());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public void close() {
        List<ServedModel> all;
        synchronized (loaded) {
            all = new ArrayList<>(loaded.values());
            loaded.clear();
        }
        all.forEach(ServedModel::close);
    }
}
