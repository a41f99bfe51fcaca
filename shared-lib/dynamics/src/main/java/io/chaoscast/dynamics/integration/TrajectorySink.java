package io.chaoscast.dynamics.integration;

/**
 * Receives the samples of a trajectory in order, one state at a time, so that a caller can write
 * them straight to their destination instead of holding the whole trajectory.
 */
@FunctionalInterface
public interface TrajectorySink {

    /**
     * @param index sample index, from 0 to length - 1
     * @param state the state; the array is reused by the caller, copy what you keep
     */
    void accept(int index, double[] state);
}
