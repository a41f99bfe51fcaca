package io.chaoscast.contracts.results;

import java.time.Instant;

/** One point of a metric history. */
public record MetricPointResponse(long step, double value, Instant timestamp) {}
