package io.chaoscast.results.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the metric endpoints.
 *
 * @param maxPointsPerRequest most points in one {@code POST /runs/{id}/metrics}; more is a 413
 * @param maxRequestSize largest body of one metric batch; more is a 413
 * @param maxHistoryPageSize largest {@code size} of a history page
 */
@ConfigurationProperties("results.metrics")
public record MetricsProperties(
        @DefaultValue("100000") int maxPointsPerRequest,
        @DefaultValue("64MB") DataSize maxRequestSize,
        @DefaultValue("100000") int maxHistoryPageSize) {}
