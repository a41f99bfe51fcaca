package io.chaoscast.training.upstream;

/**
 * What a training job needs to know of a dataset before it is queued.
 *
 * @param splitLengths points per trajectory in the train, val and test splits
 */
public record DatasetSummary(
        String id,
        String status,
        String system,
        int trajectories,
        int length,
        int dimension,
        double samplingInterval,
        Double lyapunovTime,
        int[] splitLengths,
        String checksum) {}
