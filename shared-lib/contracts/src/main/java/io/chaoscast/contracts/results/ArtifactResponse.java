package io.chaoscast.contracts.results;

import java.time.Instant;
import java.util.UUID;

/** Metadata of a stored artifact; the bytes are at {@code GET /api/v1/runs/{runId}/artifacts/{name}}. */
public record ArtifactResponse(
        UUID runId, String name, String sha256, long sizeBytes, String contentType, Instant createdAt) {}
