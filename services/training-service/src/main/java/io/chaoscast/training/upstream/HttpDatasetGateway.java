package io.chaoscast.training.upstream;

import io.chaoscast.web.problem.ApiException;
import io.chaoscast.contracts.datasets.DatasetClient;
import io.chaoscast.contracts.datasets.DatasetClientException;
import io.chaoscast.contracts.datasets.DatasetResponse;
import io.chaoscast.contracts.datasets.SplitRange;
import org.springframework.stereotype.Component;

@Component
class HttpDatasetGateway implements DatasetGateway {

    private final DatasetClient datasets;

    HttpDatasetGateway(DatasetClient datasets) {
        this.datasets = datasets;
    }

    @Override
    public DatasetSummary describe(String datasetId) {
        DatasetResponse d;
        try {
            d = datasets.get(datasetId);
        } catch (DatasetClientException e) {
            throw translate(datasetId, e);
        }
        int[] lengths = {length(d, "train"), length(d, "val"), length(d, "test")};
        return new DatasetSummary(
                d.id(), d.status(), d.recipe().system(), d.recipe().parameters(), d.shape()[0], d.shape()[1], d.shape()[2], d.samplingInterval(), d.lyapunovTime(), lengths, d.checksum());
    }

    private static int length(DatasetResponse d, String split) {
        SplitRange r = d.splits() == null ? null : d.splits().get(split);
        return r == null ? 0 : r.length();
    }

    @Override
    public double[][][] split(String datasetId, String split) {
        try {
            return datasets.split(datasetId, split);
        } catch (DatasetClientException e) {
            throw translate(datasetId, e);
        }
    }

    private static RuntimeException translate(String datasetId, DatasetClientException e) {
        if (e.status() == 404) {
            return ApiException.notFoundField("datasetId", "no dataset " + datasetId + " in the dataset-service; create it with POST /api/v1/datasets");
        }
        if (e.status() <= 0 || e.status() >= 500) {
            return ApiException.upstreamUnavailable("the dataset-service does not answer (" + e.getMessage() + "); start it or retry shortly", e);
        }
        // Any other refusal (e.g. 400 for an id that is not a dataset id) is about the id the client sent.
        return ApiException.invalid("datasetId", "the dataset-service refused dataset " + datasetId + ": " + e.getMessage());
    }
}
