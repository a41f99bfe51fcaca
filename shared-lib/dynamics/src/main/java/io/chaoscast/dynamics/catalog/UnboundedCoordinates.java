package io.chaoscast.dynamics.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * State coordinates that grow without bound by design (dysts' {@code unbounded_indices}): forcing
 * phases and protocol clocks, angles of rotators and of particles circling in a disk, positions
 * along a jet or a periodic lattice. Each is periodic in the dynamics, with the period given here,
 * so that {@code (cos, sin)} of {@code 2 pi y / period} is a bounded coordinate of the same
 * attractor: that is how statistics and dimensions see them.
 */
public final class UnboundedCoordinates {

    private static final double TWO_PI = 2 * Math.PI;

    /** Per system: coordinate index to its period. */
    private static final Map<String, Map<Integer, Double>> PERIODS = Map.ofEntries(
            Map.entry("ArnoldBeltramiChildress", Map.of(0, TWO_PI, 1, TWO_PI, 2, TWO_PI)),
            Map.entry("ArnoldWeb", Map.of(2, TWO_PI, 3, TWO_PI, 4, TWO_PI)),
            // The jet repeats along x with its longest wave, and the waves' pattern in the clock z
            // with the slowest one (dysts' own observable).
            Map.entry("BickleyJet", Map.of(1, TWO_PI / 0.313922, 2, TWO_PI / (0.313922 * 9.05854e-06))),
            Map.entry("BlinkingRotlet", Map.of(1, TWO_PI, 2, 3.0)),
            Map.entry("BlinkingVortex", Map.of(1, TWO_PI, 2, 3.0)),
            Map.entry("CircadianRhythm", Map.of(4, TWO_PI)),
            Map.entry("DoubleGyre", Map.of(2, TWO_PI)),
            Map.entry("DoublePendulum", Map.of(0, TWO_PI, 1, TWO_PI)),
            Map.entry("Duffing", Map.of(2, TWO_PI)),
            Map.entry("FluidTrampoline", Map.of(2, TWO_PI)),
            Map.entry("ForcedBrusselator", Map.of(2, TWO_PI)),
            Map.entry("ForcedFitzHughNagumo", Map.of(2, TWO_PI)),
            Map.entry("ForcedVanDerPol", Map.of(2, TWO_PI)),
            Map.entry("InteriorSquirmer", Map.of(1, TWO_PI, 2, 3.0)),
            Map.entry("LidDrivenCavityFlow", Map.of(2, 1.1)),
            Map.entry("OscillatingFlow", Map.of(0, TWO_PI, 2, TWO_PI)),
            Map.entry("StickSlipOscillator", Map.of(2, TWO_PI)),
            Map.entry("SwingingAtwood", Map.of(1, TWO_PI)),
            Map.entry("TurchinHanski", Map.of(2, TWO_PI)));

    private UnboundedCoordinates() {}

    /** The unbounded coordinates of a system (index to period); empty when all are bounded. */
    public static Map<Integer, Double> of(String systemName) {
        return PERIODS.getOrDefault(systemName, Map.of());
    }

    /**
     * A bounded image of the state: bounded coordinates as they are, each unbounded one replaced by
     * the cosine and sine of its phase. Null when the system has no unbounded coordinate.
     */
    public static Optional<Embedding> embedding(String systemName, int dimension) {
        Map<Integer, Double> periods = of(systemName);
        return periods.isEmpty() ? Optional.empty() : Optional.of(new Embedding(periods, dimension));
    }

    /** Maps a state to its bounded image, of length {@code dimension + number of unbounded}. */
    public static final class Embedding {
        private final double[] periods;
        private final int size;

        Embedding(Map<Integer, Double> periods, int dimension) {
            this.periods = new double[dimension];
            periods.forEach((i, p) -> this.periods[i] = p);
            this.size = dimension + periods.size();
        }

        public int size() {
            return size;
        }

        public void apply(double[] y, double[] out) {
            int o = 0;
            for (int i = 0; i < y.length; i++) {
                if (periods[i] > 0) {
                    double phase = TWO_PI * y[i] / periods[i];
                    out[o++] = Math.cos(phase);
                    out[o++] = Math.sin(phase);
                } else {
                    out[o++] = y[i];
                }
            }
        }
    }
}
