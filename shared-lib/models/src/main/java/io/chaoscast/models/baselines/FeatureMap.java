package io.chaoscast.models.baselines;

/** Turns the last {@link #window()} states (oldest first) into a feature vector for a ridge readout. */
interface FeatureMap {

    int window();

    int size();

    /**
     * @param history states, oldest first; the features read {@code history[end - window + 1 .. end]}
     * @param end index of the newest state used
     */
    void features(double[][] history, int end, double[] out);
}
