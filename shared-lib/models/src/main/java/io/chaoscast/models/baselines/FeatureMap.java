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

    /**
     * The same features for a block of rows at once, laid out so that the innermost loops run over
     * rows (the JIT turns them into vector instructions). Each row's value is computed with exactly
     * the arithmetic of {@link #features(double[][], int, double[])}, in the same order, so a
     * batched rollout agrees bit for bit with one row at a time.
     *
     * @param history {@code [time][dimension][row]}, oldest first
     * @param end index of the newest state used
     * @param rows rows to compute ({@code history[t][j]} and {@code out[f]} hold at least this many)
     * @param out {@code [feature][row]}
     */
    void features(double[][][] history, int end, int rows, double[][] out);
}
