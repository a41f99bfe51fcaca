package io.chaoscast.training.upstream;

import io.chaoscast.web.problem.ApiException;
import io.chaoscast.contracts.results.CreateRunRequest;
import io.chaoscast.contracts.results.Provenance;
import io.chaoscast.contracts.results.ResultsApiException;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.ResultsClientException;
import io.chaoscast.contracts.results.RunKind;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class HttpRunGateway implements RunGateway {

    private final ResultsClient results;

    HttpRunGateway(ResultsClient results) {
        this.results = results;
    }

    @Override
    public UUID openRun(
            UUID jobId, String experiment, String name, String system, String datasetId, String modelType, Map<String, String> params,
            Provenance provenance) {
        CreateRunRequest request =
                new CreateRunRequest(experiment, name, RunKind.TRAINING, system, datasetId, modelType, null, params, Map.of(), provenance);
        try {
            try {
                return results.createRun(request, "training-job-" + jobId + "-run").id();
            } catch (ResultsApiException e) {
                if (!e.idempotencyKeyReused()) {
                    throw e;
                }
                // The job's key was used for another request (another build, other parameters):
                // that run is not this one, so open a new run.
                return results.createRun(request).id();
            }
        } catch (ResultsApiException e) {
            if (e.status() >= 400 && e.status() < 500) {
                String field = e.field() == null ? "experiment" : e.field();
                throw ApiException.invalidValue(field, "was refused by the results-service: " + e.getMessage());
            }
            throw ApiException.upstreamUnavailable("the results-service could not open a run (" + e.getMessage() + "); retry shortly", e);
        } catch (ResultsClientException e) {
            throw ApiException.upstreamUnavailable(
                    "the results-service at " + results.baseUri() + " does not answer (" + e.getMessage() + "); start it or retry shortly", e);
        }
    }
}
