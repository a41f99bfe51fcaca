package io.chaoscast.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import io.chaoscast.inference.registry.ArtifactForecasterLoader;
import io.chaoscast.inference.support.InMemoryModelRepository;
import io.chaoscast.inference.support.TinyModels;
import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.policy.ExitPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The serving engine in-process: batching, shedding, cache and integrity, on real tiny models. */
class InferenceEngineTest {

    private static TinyModels models;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void train() {
        models = TinyModels.get();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private static final class MaxBatch implements ServingListener {
        final AtomicInteger maxRows = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();
        final AtomicInteger evicted = new AtomicInteger();

        @Override
        public void batchRun(String modelId, int jobs, int rows, long runNanos) {
            maxRows.accumulateAndGet(rows, Math::max);
        }

        @Override
        public void rejected(String modelId) {
            rejected.incrementAndGet();
        }

        @Override
        public void evicted(String modelId) {
            evicted.incrementAndGet();
        }
    }

    private InferenceEngine engine(
            InMemoryModelRepository repo, BatchingSettings batching, CacheSettings cache, ServingListener listener) {
        ModelCache c = new ModelCache(repo, new ArtifactForecasterLoader(), Device.cpu(), cache, batching, listener);
        InferenceEngine e = new InferenceEngine(c, ServingLimits.defaults(), Duration.ofSeconds(60), Device.cpu());
        open.add(e);
        return e;
    }

    @Test
    void concurrentRequestsShareBatchesAndEachGetsItsUnbatchedAnswer() throws Exception {
        InMemoryModelRepository repo = new InMemoryModelRepository();
        repo.put("ee", "early-exit", models.earlyExit, null);
        MaxBatch listener = new MaxBatch();
        InferenceEngine engine = engine(
                repo, new BatchingSettings(32, Duration.ofMillis(20), 256, 1), CacheSettings.defaults(), listener);
        engine.cache().get("ee");
        int n = 16;
        double[][][] contexts = models.contexts(n, 12);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ForecastReply>> replies = new ArrayList<>();
        // Long rollouts (100 passes each), so that requests arrive while the worker is busy and
        // queue up to be batched: a forecast of a few passes can finish before the next request
        // arrives on a busy box, and then every request is served alone by the inline fast path.
        // The answers are compared over their first 9 steps (3 passes).
        int horizon = 400;
        for (int i = 0; i < n; i++) {
            double[][][] one = {contexts[i]};
            Callable<ForecastReply> call = () -> {
                go.await();
                return engine.forecast("ee", one, horizon, ExitRequest.dynamic(0.5), "context");
            };
            replies.add(pool.submit(call));
        }
        go.countDown();
        Forecaster alone = ModelArtifacts.fromBytes(models.earlyExit);
        try {
            for (int i = 0; i < n; i++) {
                ForecastOutcome o = replies.get(i).get().outcome();
                ForecastResult single = alone.forecast(new double[][][] {contexts[i]}, 9, ExitPolicy.dynamic(0.5));
                assertThat(single.exitDepths()[0]).hasSize(3); // 9 steps at 4 per pass
                assertThat(o.exitDepths()[0]).hasSize(horizon / 4);
                assertThat(java.util.Arrays.copyOf(o.exitDepths()[0], 3)).containsExactly(single.exitDepths()[0]);
                for (int k = 0; k < 9; k++) {
                    for (int j = 0; j < 3; j++) {
                        assertThat(o.forecasts()[0][k][j]).isCloseTo(single.forecasts()[0][k][j], within(1e-3));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            ((AutoCloseable) alone).close();
        }
        assertThat(listener.maxRows.get()).isGreaterThan(1);
    }

    @Test
    void fullQueueShedsRequestsInsteadOfQueueingThem() throws Exception {
        InMemoryModelRepository repo = new InMemoryModelRepository();
        repo.put("ee", "early-exit", models.earlyExit, null);
        MaxBatch listener = new MaxBatch();
        InferenceEngine engine = engine(
                repo, new BatchingSettings(1, Duration.ZERO, 1, 1), CacheSettings.defaults(), listener);
        engine.cache().get("ee");
        double[][][] ctx = models.contexts(1, 8);
        int n = 24;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ForecastReply>> replies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            replies.add(pool.submit(() -> {
                go.await();
                return engine.forecast("ee", ctx, 400, ExitRequest.full(), "context");
            }));
        }
        go.countDown();
        int shed = 0;
        int served = 0;
        for (Future<ForecastReply> f : replies) {
            try {
                assertThat(f.get().outcome().forecasts()[0]).hasNumberOfRows(400);
                served++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(OverloadedException.class);
                assertThat(((OverloadedException) e.getCause()).retryAfterSeconds()).isPositive();
                shed++;
            }
        }
        pool.shutdownNow();
        assertThat(shed).isPositive();
        assertThat(served).isPositive();
        assertThat(listener.rejected.get()).isEqualTo(shed);
    }

    @Test
    void artifactWhoseShaDiffersFromTheRegistryIsNeverLoaded() {
        InMemoryModelRepository repo = new InMemoryModelRepository();
        repo.put("tampered", "early-exit", models.earlyExit, "0".repeat(64));
        InferenceEngine engine = engine(repo, BatchingSettings.defaults(), CacheSettings.defaults(), null);
        assertThatThrownBy(() -> engine.cache().get("tampered"))
                .isInstanceOf(ArtifactIntegrityException.class)
                .hasMessageContaining("SHA-256");
        assertThat(engine.cache().loaded()).isEmpty();
    }

    @Test
    void unknownAndUnreadableModelsAreTold() {
        InMemoryModelRepository repo = new InMemoryModelRepository();
        repo.put("future", "early-exit", TinyModels.futureFormatArtifact(), null);
        InferenceEngine engine = engine(repo, BatchingSettings.defaults(), CacheSettings.defaults(), null);
        assertThatThrownBy(() -> engine.cache().get("nope")).isInstanceOf(UnknownModelException.class);
        assertThatThrownBy(() -> engine.cache().get("future"))
                .isInstanceOf(UnreadableModelException.class)
                .hasMessageContaining("format version 99");
    }

    @Test
    void cacheKeepsAtMostMaxModelsAndEvictsTheLeastRecentlyUsed() {
        InMemoryModelRepository repo = new InMemoryModelRepository();
        repo.put("a", "early-exit", models.earlyExit, null);
        repo.put("b", "nvar", models.nvar, null);
        MaxBatch listener = new MaxBatch();
        InferenceEngine engine = engine(
                repo, BatchingSettings.defaults(), new CacheSettings(1, 1L << 30), listener);
        engine.cache().get("a");
        engine.cache().get("b");
        assertThat(engine.cache().loaded()).extracting(m -> m.descriptor().id()).containsExactly("b");
        assertThat(listener.evicted.get()).isEqualTo(1);
        // An evicted model loads again on its next request.
        ForecastReply r = engine.forecast("a", models.contexts(1, 8), 4, ExitRequest.full(), "context");
        assertThat(r.outcome().exitDepths()[0]).containsExactly(3);
    }

    @Test
    void modelBiggerThanTheMemoryBoundIsRefused() {
        InMemoryModelRepository repo = new InMemoryModelRepository();
        repo.put("a", "early-exit", models.earlyExit, null);
        InferenceEngine engine = engine(repo, BatchingSettings.defaults(), new CacheSettings(4, 100), null);
        assertThatThrownBy(() -> engine.cache().get("a"))
                .isInstanceOf(UnreadableModelException.class)
                .hasMessageContaining("limit");
    }
}
