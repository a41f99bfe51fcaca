package io.chaoscast.contracts.results;

import java.time.Instant;
import java.util.UUID;

/** An experiment: a named group of runs. */
public record ExperimentResponse(UUID id, String name, String description, Instant createdAt) {}
