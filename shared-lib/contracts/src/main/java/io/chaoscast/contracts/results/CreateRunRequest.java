package io.chaoscast.contracts.results;

import java.time.Instant;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/runs}. A run starts in status {@code running}.
 *
 * @param experiment name of the experiment the run belongs to; created when it does not exist yet
 * @param name a display name (at most 250 characters), or null for one derived from the kind
 * @param kind what the run does (required)
 * @param systemName the chaotic system, as named in the dataset-service catalog (e.g. {@code lorenz})
 * @param datasetId the dataset-service id of the data the run read, or null
 * @param modelType the kind of model (e.g. {@code early-exit-mlp}), used for leaderboards
 * @param startTime when the run started, or null for the time the service receives the request
 * @param params hyper-parameters, key (1 to 250 characters) to value (at most 4000 characters)
 * @param tags free labels, same limits as params; filterable in {@code GET /api/v1/runs}
 * @param provenance what is needed to reproduce the run, or null
 */
public record CreateRunRequest(
        String experiment,
        String name,
        RunKind kind,
        String systemName,
        String datasetId,
        String modelType,
        Instant startTime,
        Map<String, String> params,
        Map<String, String> tags,
        Provenance provenance) {

    /** A training run with no params, tags or provenance yet. */
    public static CreateRunRequest training(String experiment, String systemName, String datasetId, String modelType) {
        return new CreateRunRequest(
                experiment, null, RunKind.TRAINING, systemName, datasetId, modelType, null, Map.of(), Map.of(), null);
    }
}
