package io.chaoscast.contracts.results;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A registered model version.
 *
 * @param artifactPath where to GET the bytes, relative to the service root
 */
public record ModelResponse(
        UUID id,
        String name,
        int version,
        UUID runId,
        String artifactName,
        String artifactSha256,
        long artifactSizeBytes,
        String artifactPath,
        String systemName,
        String modelType,
        JsonNode spec,
        Instant createdAt) {}
