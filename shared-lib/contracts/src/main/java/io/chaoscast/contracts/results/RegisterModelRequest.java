package io.chaoscast.contracts.results;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/models}: registers the next version of {@code name}.
 *
 * @param name model name, 1 to 250 characters of letters, digits, '.', '_' and '-'
 * @param runId the run that produced the artifact
 * @param artifactName an artifact of that run (the saved network parameters)
 * @param spec a JSON object with everything needed to rebuild and load the network
 */
public record RegisterModelRequest(String name, UUID runId, String artifactName, JsonNode spec) {}
