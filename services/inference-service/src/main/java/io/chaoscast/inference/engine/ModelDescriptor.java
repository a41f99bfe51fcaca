package io.chaoscast.inference.engine;

/**
 * What the registry says about one model version, before it is loaded.
 *
 * @param id registry id (a UUID in results-service)
 * @param name model name
 * @param version model version under {@code name}
 * @param modelType e.g. {@code early-exit}
 * @param systemName the chaotic system it forecasts, or null
 * @param runId the run that produced the artifact
 * @param artifactName the artifact of that run holding the model
 * @param artifactSha256 SHA-256 (hex) the registry recorded for the artifact
 * @param artifactSizeBytes size the registry recorded
 * @param specJson the spec JSON the model was registered with
 */
public record ModelDescriptor(
        String id,
        String name,
        int version,
        String modelType,
        String systemName,
        String runId,
        String artifactName,
        String artifactSha256,
        long artifactSizeBytes,
        String specJson) {}
