package io.chaoscast.contracts.results;

import java.time.Instant;

/** The value of a metric at its highest step so far. */
public record LatestMetricResponse(String key, double value, long step, Instant timestamp) {}
