package io.chaoscast.inference.engine;

import ai.djl.Device;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The serving engine, free of HTTP: checks a request against its model, resolves the exit policy,
 * queues it for dynamic batching, waits for its share of the batch and checks that share before
 * answering it.
 */
public final class InferenceEngine implements AutoCloseable {

    private final ModelCache cache;
    private final ServingLimits limits;
    private final Duration requestTimeout;
    private final Device device;

    public InferenceEngine(ModelCache cache, ServingLimits limits, Duration requestTimeout, Device device) {
        this.cache = cache;
        this.limits = limits;
        this.requestTimeout = requestTimeout;
        this.device = device;
    }

    public ModelCache cache() {
        return cache;
    }

    public ServingLimits limits() {
        return limits;
    }

    public Device device() {
        return device;
    }

    /**
     * Forecasts {@code horizon} steps after every context.
     *
     * @param field the request field holding the contexts ({@code context} or {@code contexts}), to
     *     name it in errors
     */
    public ForecastReply forecast(
            String modelId, double[][][] contexts, int horizon, ExitRequest exit, String field) {
        ServedModel model = cache.get(modelId);
        // Each request is checked alone, before it can share a batch with others.
        ForecastInputs.check(model.spec(), model.trainingScale(), contexts, horizon, limits, field);
        ResolvedExit resolved = PolicyResolver.resolve(exit, model.spec(), model.calibration(), model.risk());
        CompletableFuture<ForecastOutcome> f;
        try {
            f = model.batcher.submit(contexts, horizon, resolved.policy());
        } catch (ModelUnavailableException e) {
            // Evicted between lookup and submit: load it again once.
            model = cache.get(modelId);
            f = model.batcher.submit(contexts, horizon, resolved.policy());
        }
        ForecastOutcome outcome;
        try {
            outcome = f.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new ForecastTimeoutException(
                    "the forecast did not finish within " + requestTimeout.toMillis() + " ms; the server is busy");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("interrupted while waiting for the forecast");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        // This request's rows only: an overflow in them fails this request, not its batch-mates.
        ForecastInputs.checkForecasts(outcome.forecasts(), field);
        return new ForecastReply(model, resolved, outcome);
    }

    @Override
    public void close() {
        cache.close();
    }
}
