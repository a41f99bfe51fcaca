package io.chaoscast.contracts.results;

/**
 * Body of {@code POST /api/v1/experiments}.
 *
 * @param name unique, 1 to 250 characters
 * @param description free text, at most 4000 characters, or null
 */
public record CreateExperimentRequest(String name, String description) {}
