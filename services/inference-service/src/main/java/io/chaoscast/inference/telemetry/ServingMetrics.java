package io.chaoscast.inference.telemetry;

import io.chaoscast.inference.engine.ForecastOutcome;
import io.chaoscast.inference.engine.ServingListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of the serving engine and the forecast API, exported at {@code
 * /actuator/prometheus} under {@code chaoscast_inference_*}.
 */
public final class ServingMetrics implements ServingListener {

    private final MeterRegistry registry;

    public ServingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void batchRun(String modelId, int jobs, int rows, long runNanos) {
        DistributionSummary.builder("chaoscast.inference.batch.size")
                .description("contexts per forward pass (dynamic batching)")
                .tag("model", modelId)
                .publishPercentileHistogram()
                .register(registry)
                .record(rows);
        DistributionSummary.builder("chaoscast.inference.batch.requests")
                .description("requests gathered into one forward pass")
                .tag("model", modelId)
                .register(registry)
                .record(jobs);
        Timer.builder("chaoscast.inference.batch.run")
                .description("time of one batched forward pass")
                .tag("model", modelId)
                .register(registry)
                .record(runNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void queued(String modelId, long queueNanos) {
        Timer.builder("chaoscast.inference.queue.time")
                .description("time a request waited for its batch")
                .tag("model", modelId)
                .publishPercentileHistogram()
                .register(registry)
                .record(queueNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void rejected(String modelId) {
        Counter.builder("chaoscast.inference.rejected")
                .description("requests shed because the model's queue was full")
                .tag("model", modelId)
                .register(registry)
                .increment();
    }

    @Override
    public void loaded(String modelId, long loadNanos) {
        Timer.builder("chaoscast.inference.model.load")
                .description("time to fetch, check, load and warm up a model")
                .tag("model", modelId)
                .register(registry)
                .record(loadNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void evicted(String modelId) {
        Counter.builder("chaoscast.inference.model.evicted")
                .description("models that left the cache to make room")
                .register(registry)
                .increment();
    }

    /** Latency, exit depths and compute saved of one answered request. */
    public void answered(String modelId, String endpoint, ForecastOutcome outcome, String policy, long latencyNanos) {
        Timer.builder("chaoscast.inference.request.latency")
                .description("forecast request latency, from the controller's view")
                .tag("model", modelId)
                .tag("endpoint", endpoint)
                .publishPercentileHistogram()
                .register(registry)
                .record(latencyNanos, TimeUnit.NANOSECONDS);
        DistributionSummary depth = DistributionSummary.builder("chaoscast.inference.exit.depth")
                .description("blocks run per forward pass")
                .tag("model", modelId)
                .tag("policy", policy)
                .publishPercentileHistogram()
                .register(registry);
        for (int[] row : outcome.exitDepths()) {
            for (int d : row) {
                depth.record(d);
            }
        }
        DistributionSummary.builder("chaoscast.inference.compute.saved")
                .description("fraction of block evaluations skipped per request")
                .tag("model", modelId)
                .tag("policy", policy)
                .register(registry)
                .record(outcome.computeSaved());
        Counter.builder("chaoscast.inference.blocks.skipped")
                .description("block evaluations skipped by early exits")
                .tag("model", modelId)
                .register(registry)
                .increment(outcome.fullDepthBlockEvaluations() - outcome.blockEvaluations());
    }
}
