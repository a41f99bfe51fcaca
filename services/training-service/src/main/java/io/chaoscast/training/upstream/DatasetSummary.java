package io.chaoscast.training.upstream;

import java.util.Map;

/**
 * What a training job needs to know of a dataset before it is queued.
 *
 * @param parameters the system parameters the data was generated with
 * @param splitLengths points per trajectory in the train, val and test splits
 */
public record DatasetSummary(
        String id,
        String status,
        String system,
        Map<String, Double> parameters,
        int trajectories,
        int length,
        int dimension,
        double samplingInterval,
        Double lyapunovTime,
        int[] splitLengths,
        String checksum) {}
