package io.chaoscast.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.inference.support.TinyModels;
import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.ForecasterSpec;
import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.policy.ExitPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One bad request merged into a batch with good ones, on the real residual early-exit model (DJL):
 * the good ones are answered as they would be alone. The batch is formed deterministically: a first
 * request holds the only replica (its forecaster waits on a latch) while the others queue, and the
 * worker then takes them all together.
 */
class DynamicBatcherTest {

    /** The horizon of the request that holds the replica; the others ask for {@link #HORIZON}. */
    private static final int HOLD = 5;
    /** Two passes of 4 steps: the model's own (overflowed) forecast is fed back once. */
    private static final int HORIZON = 8;
    /** A context whose forecast throws in the wrapper of {@link #batcher} (a stand-in for any row-specific failure). */
    private static final double THROWS = -12345.5;

    private static TinyModels models;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<int[]> runs = new CopyOnWriteArrayList<>();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void train() {
        models = TinyModels.get();
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** One replica of the residual model, whose forecaster waits for {@link #release} on a {@link #HOLD}-step request. */
    private DynamicBatcher batcher() {
        Forecaster real = ModelArtifacts.fromBytes(models.residual);
        Forecaster gated = new Forecaster() {
            @Override
            public ForecasterSpec spec() {
                return real.spec();
            }

            @Override
            public ForecastResult forecast(double[][][] contexts, int horizon, ExitPolicy policy) {
                if (horizon == HOLD) {
                    holding.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                for (double[][] c : contexts) {
                    if (c[c.length - 1][0] == THROWS) {
                        throw new IllegalStateException("this context makes the forecaster throw");
                    }
                }
                return real.forecast(contexts, horizon, policy);
            }
        };
        ServingListener listener = new ServingListener() {
            @Override
            public void batchRun(String modelId, int jobs, int rows, long runNanos) {
                runs.add(new int[] {jobs, rows});
            }
        };
        DynamicBatcher b = new DynamicBatcher(
                "residual",
                List.of(new LoadedForecaster(gated, null, 1, (AutoCloseable) real)),
                new BatchingSettings(32, Duration.ofMillis(50), 16, 1),
                listener);
        open.add(b);
        return b;
    }

    /** Runs {@code contexts} as separate requests merged into one batch behind a held replica. */
    private List<CompletableFuture<ForecastOutcome>> merged(DynamicBatcher b, double[][]... contexts) throws Exception {
        Thread holder = new Thread(() -> b.submit(models.contexts(1, 8), HOLD, ExitPolicy.full()), "holder");
        holder.start();
        assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<ForecastOutcome>> futures = new ArrayList<>();
        for (double[][] c : contexts) {
            futures.add(b.submit(new double[][][] {c}, HORIZON, ExitPolicy.full()));
        }
        release.countDown();
        holder.join(60_000);
        for (CompletableFuture<ForecastOutcome> f : futures) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // inspected by the caller
            }
        }
        return futures;
    }

    private static double[][] constant(double v) {
        double[][] c = new double[8][3];
        for (double[] s : c) {
            Arrays.fill(s, v);
        }
        return c;
    }

    private static void assertAnsweredAsAlone(double[][] context, ForecastOutcome o) {
        try (var alone = (io.chaoscast.models.earlyexit.EarlyExitForecaster) ModelArtifacts.fromBytes(models.residual)) {
            double[][] expected = alone.forecast(new double[][][] {context}, HORIZON, ExitPolicy.full()).forecasts()[0];
            assertThat(o.forecasts()).hasNumberOfRows(1);
            for (int k = 0; k < HORIZON; k++) {
                for (int j = 0; j < 3; j++) {
                    assertThat(o.forecasts()[0][k][j]).isFinite().isCloseTo(expected[k][j], within(1e-6));
                }
            }
        }
        // and the engine answers it
        ForecastInputs.checkForecasts(o.forecasts(), "context");
    }

    @Test
    void anOverflowingContextMergedWithGoodOnesEndsNaNAloneAndOnlyItsRequestIsRefused() throws Exception {
        double[][][] good = models.contexts(2, 8);
        // 1e20 is about 1e19 standard deviations out: the network's float arithmetic overflows to
        // NaN in the first pass, and the second pass feeds that back to the NVAR base.
        double[][] bad = constant(1e20);
        List<CompletableFuture<ForecastOutcome>> f = merged(batcher(), good[0], bad, good[1]);

        // One forward pass ran all three requests: nothing was run again.
        assertThat(runs).anySatisfy(r -> assertThat(r).containsExactly(3, 3));
        assertAnsweredAsAlone(good[0], f.get(0).join());
        assertAnsweredAsAlone(good[1], f.get(2).join());
        ForecastOutcome o = f.get(1).join();
        assertThat(o.forecasts()[0][HORIZON - 1][0]).isNaN();
        InvalidForecastException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                InvalidForecastException.class, () -> ForecastInputs.checkForecasts(o.forecasts(), "context"));
        assertThat(refused.field()).isEqualTo("context");
        assertThat(refused.getMessage()).contains("overflowed at step 1 of 8");
    }

    @Test
    void whenAMergedBatchThrowsEachRequestRunsAgainAloneAndOnlyTheOneAtFaultFails() throws Exception {
        double[][][] good = models.contexts(3, 8);
        double[][] bad = models.contexts(4, 8)[3].clone(); // (its rows are the test split's own)
        bad[7] = new double[] {THROWS, bad[7][1], bad[7][2]};
        List<CompletableFuture<ForecastOutcome>> f = merged(batcher(), good[0], good[1], bad, good[2]);

        assertThat(f.get(2)).isCompletedExceptionally();
        assertThat(catchCause(f.get(2))).isInstanceOf(IllegalStateException.class).hasMessageContaining("throw");
        assertAnsweredAsAlone(good[0], f.get(0).join());
        assertAnsweredAsAlone(good[1], f.get(1).join());
        assertAnsweredAsAlone(good[2], f.get(3).join());
        // After the merged call failed, the four ran one by one (the holder ran alone before them).
        assertThat(runs).hasSize(1 + 3);
        runs.forEach(r -> assertThat(r).containsExactly(1, 1));
    }

    private static Throwable catchCause(CompletableFuture<?> f) {
        try {
            f.join();
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
    }
}
