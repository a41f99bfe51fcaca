package io.chaoscast.dynamics.lyapunov;

import io.chaoscast.dynamics.systems.ChaoticSystem;

/** Picks the right estimator for the kind of system. */
public final class LyapunovEstimators {

    private LyapunovEstimators() {}

    /**
     * @param system the system
     * @param p resolved parameters
     * @param initial initial state (ideally on the attractor)
     * @param settings duration, transient, spectrum or not, tolerances
     */
    public static LyapunovResult estimate(ChaoticSystem system, double[] p, double[] initial, LyapunovSettings settings) {
        throw new UnsupportedOperationException("Lyapunov estimation is being written");
    }
}
