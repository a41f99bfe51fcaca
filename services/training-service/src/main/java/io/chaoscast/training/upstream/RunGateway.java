package io.chaoscast.training.upstream;

import java.util.Map;
import java.util.UUID;

/** The results-service, as the training-service uses it. */
public interface RunGateway {

    /** Opens a training run; called when a job is accepted so the response can name the run. */
    UUID openRun(String experiment, String name, String system, String datasetId, String modelType, Map<String, String> params, Map<String, Object> provenance);
}
