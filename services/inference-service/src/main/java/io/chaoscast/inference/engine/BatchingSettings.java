package io.chaoscast.inference.engine;

import java.time.Duration;

/**
 * Dynamic batching of one model, after DJL Serving's {@code batch_size} / {@code max_batch_delay}.
 *
 * @param maxBatchSize most context rows one forward pass gathers from concurrent requests (a
 *     single request with more rows still runs, alone)
 * @param maxBatchDelay how long a batch waits for more requests once its first one is there; only
 *     waited while every worker is busy (an idle worker would serve the next request at once)
 * @param queueCapacity requests waiting per model before new ones are shed with 429
 * @param replicas loaded copies of the model, each served by one worker thread (DJL blocks are not
 *     thread-safe, so a copy is used by one thread at a time)
 */
public record BatchingSettings(int maxBatchSize, Duration maxBatchDelay, int queueCapacity, int replicas) {

    public BatchingSettings {
        if (maxBatchSize < 1 || maxBatchSize > 65_536) {
            throw new IllegalArgumentException("maxBatchSize must be between 1 and 65536, found " + maxBatchSize);
        }
        if (maxBatchDelay == null || maxBatchDelay.isNegative() || maxBatchDelay.toMillis() > 10_000) {
            throw new IllegalArgumentException("maxBatchDelay must be between 0 and 10 s, found " + maxBatchDelay);
        }
        if (queueCapacity < 1 || queueCapacity > 1_000_000) {
            throw new IllegalArgumentException("queueCapacity must be between 1 and 1000000, found " + queueCapacity);
        }
        if (replicas < 1 || replicas > 256) {
            throw new IllegalArgumentException("replicas must be between 1 and 256, found " + replicas);
        }
    }

    public static BatchingSettings defaults() {
        return new BatchingSettings(32, Duration.ofMillis(1), 256, 2);
    }
}
