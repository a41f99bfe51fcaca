package io.chaoscast.contracts.results;

import java.time.Instant;

/**
 * One point of {@code POST /api/v1/runs/{id}/metrics} (the body is a JSON array of these).
 *
 * @param key metric name, 1 to 250 characters
 * @param value a finite number
 * @param step 0 or more (epoch, iteration, horizon step…)
 * @param timestamp when it was measured; ISO-8601 or epoch milliseconds on the wire; null means
 *     the time the service receives it
 */
public record MetricPointRequest(String key, double value, long step, Instant timestamp) {

    public static MetricPointRequest of(String key, long step, double value) {
        return new MetricPointRequest(key, value, step, Instant.now());
    }
}
