package io.chaoscast.training.upstream;

/** The dataset-service, as the training-service uses it. */
public interface DatasetGateway {

    /**
     * @throws io.chaoscast.training.web.NotFoundException when the dataset does not exist
     * @throws io.chaoscast.training.web.UpstreamUnavailableException when the dataset-service does not answer
     */
    DatasetSummary describe(String datasetId);

    /** A split as {@code [trajectories][length][dimension]}. */
    double[][][] split(String datasetId, String split);
}
