package io.chaoscast.training.upstream;

/** The dataset-service, as the training-service uses it. */
public interface DatasetGateway {

    /**
     * @throws io.chaoscast.web.problem.ApiException (not-found) when the dataset does not exist
     * @throws io.chaoscast.web.problem.ApiException (upstream-unavailable) when the dataset-service does not answer
     */
    DatasetSummary describe(String datasetId);

    /** A split as {@code [trajectories][length][dimension]}. */
    double[][][] split(String datasetId, String split);
}
