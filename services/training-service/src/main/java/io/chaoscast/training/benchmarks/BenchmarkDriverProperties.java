package io.chaoscast.training.benchmarks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The benchmark driver of this replica (docs/benchmarks.md).
 *
 * @param enabled whether this replica drives benchmarks (env {@code CHAOSCAST_BENCHMARKS_ENABLED});
 *     with several replicas all may: one drives at a time, under a PostgreSQL advisory lock
 * @param pollInterval how often the driver reads the open cells from the results-service
 * @param batch open cells read per poll
 */
@ConfigurationProperties("chaoscast.benchmarks")
public record BenchmarkDriverProperties(Boolean enabled, Duration pollInterval, Integer batch) {

    public BenchmarkDriverProperties {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        batch = batch == null ? 200 : batch;
        if (batch < 1 || batch > 1000) {
            throw new IllegalArgumentException("chaoscast.benchmarks.batch must be 1..1000, found " + batch);
        }
    }
}
