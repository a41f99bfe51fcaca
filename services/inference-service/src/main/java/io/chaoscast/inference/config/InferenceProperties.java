package io.chaoscast.inference.config;

import io.chaoscast.inference.engine.BatchingSettings;
import io.chaoscast.inference.engine.CacheSettings;
import io.chaoscast.inference.engine.ServingLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the inference service ({@code chaoscast.inference.*}, or the matching environment
 * variables such as {@code CHAOSCAST_INFERENCE_DEVICE}).
 *
 * @param device {@code auto} (a GPU when DJL sees one, else the CPU), {@code cpu} or {@code gpu}
 *     (start-up fails when no GPU is visible)
 * @param requestTimeout how long a request may wait for its forecast before a 503
 * @param cache bounds of the loaded-model cache
 * @param batching dynamic batching and worker pool, per model
 * @param limits what one request may ask for
 * @param telemetry forecast statistics sent to results-service
 */
@ConfigurationProperties("chaoscast.inference")
public record InferenceProperties(
        @DefaultValue("auto") String device,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue Cache cache,
        @DefaultValue Batching batching,
        @DefaultValue Limits limits,
        @DefaultValue Telemetry telemetry) {

    /**
     * @param maxModels most models loaded at once; the least recently used leaves first
     * @param maxMemory most memory loaded models may take (artifact size times replicas)
     */
    public record Cache(@DefaultValue("8") int maxModels, @DefaultValue("1GB") DataSize maxMemory) {
        public CacheSettings settings() {
            return new CacheSettings(maxModels, maxMemory.toBytes());
        }
    }

    /**
     * @param maxBatchSize most contexts one forward pass gathers from concurrent requests
     * @param maxBatchDelay how long a batch waits for more requests after its first, while every worker
     *     is busy
     * @param queueCapacity requests waiting per model before 429 Too Many Requests
     * @param workers loaded replicas per model, each with its own worker thread
     */
    public record Batching(
            @DefaultValue("32") int maxBatchSize,
            @DefaultValue("1ms") Duration maxBatchDelay,
            @DefaultValue("256") int queueCapacity,
            @DefaultValue("2") int workers) {
        public BatchingSettings settings() {
            return new BatchingSettings(maxBatchSize, maxBatchDelay, queueCapacity, workers);
        }
    }

    /**
     * @param maxHorizon most steps one forecast may ask for (rollouts included)
     * @param maxContextRows most states one context may hold
     * @param maxBatchContexts most contexts in one {@code /forecast/batch} request
     * @param maxOutputValues most numbers in one answer: contexts x horizon x model dimension
     * @param maxContextDeviation how far a state the model reads may lie from the mean of the data
     *     it was trained on, in that data's standard deviations, per dimension (models whose
     *     artifact records that scale)
     */
    public record Limits(
            @DefaultValue("10000") int maxHorizon,
            @DefaultValue("10000") int maxContextRows,
            @DefaultValue("1024") int maxBatchContexts,
            @DefaultValue("1000000") long maxOutputValues,
            @DefaultValue("1000") double maxContextDeviation) {
        public ServingLimits settings() {
            return new ServingLimits(maxHorizon, maxContextRows, maxBatchContexts, maxOutputValues, maxContextDeviation);
        }
    }

    /**
     * @param enabled whether forecast statistics are sent to results-service at all
     * @param experiment experiment the {@code inference} runs are filed under
     * @param interval how often each model's figures (means over the requests since the last
     *     send) go out
     */
    public record Telemetry(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("inference") String experiment,
            @DefaultValue("1s") Duration interval) {}
}
