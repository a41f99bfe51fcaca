package io.chaoscast.inference.models;

/**
 * A registered model, and whether this instance has it loaded.
 *
 * @param loaded whether the model is in this instance's cache
 */
public record ModelSummaryResponse(
        String id, String name, int version, String modelType, String systemName, boolean loaded) {}
