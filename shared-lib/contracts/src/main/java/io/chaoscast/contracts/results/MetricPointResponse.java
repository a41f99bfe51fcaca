package io.chaoscast.contracts.results;

import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/** One point of a metric history. */
public record MetricPointResponse(
        long step, double value, @JsonDeserialize(using = IsoInstants.Deserializer.class) Instant timestamp) {}
