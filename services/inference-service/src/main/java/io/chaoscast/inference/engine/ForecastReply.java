package io.chaoscast.inference.engine;

/** A served forecast: what ran, with which policy, on which model. */
public record ForecastReply(ServedModel model, ResolvedExit exit, ForecastOutcome outcome) {}
