package io.chaoscast.training.upstream;

import io.chaoscast.contracts.results.Provenance;
import java.util.Map;
import java.util.UUID;

/** The results-service, as the training-service uses it when accepting a job. */
public interface RunGateway {

    /**
     * Opens a training run; called when a job is accepted so the response can name the run.
     *
     * @param jobId the job the run is for: opening the run of the same job again (a retry after a
     *     crash before the job row was written) answers the run opened the first time
     * @throws io.chaoscast.web.problem.ApiException (upstream-unavailable) when the results-service does not answer
     */
    UUID openRun(
            UUID jobId, String experiment, String name, String system, String datasetId, String modelType, Map<String, String> params,
            Provenance provenance);
}
