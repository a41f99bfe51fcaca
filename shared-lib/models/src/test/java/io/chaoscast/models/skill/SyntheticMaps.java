package io.chaoscast.models.skill;

import io.chaoscast.models.data.Splits;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/** Trajectories of maps whose increment is known to lie in a given NVAR library. */
final class SyntheticMaps {

    private SyntheticMaps() {}

    /** Euler steps of Lorenz (dt 0.005): the increment is exactly quadratic in the last state. */
    static double[] eulerLorenz(double[] s) {
        double dt = 0.005;
        return new double[] {
            s[0] + dt * 10 * (s[1] - s[0]),
            s[1] + dt * (s[0] * (28 - s[2]) - s[1]),
            s[2] + dt * (s[0] * s[1] - 8.0 / 3 * s[2])
        };
    }

    /** A sine map: the increment is linear plus {@code 3 sin y} (chaotic, largest exponent about 0.5 per step), so only a trigonometric library holds it. */
    static double[] sineMap(double[] s) {
        return new double[] {s[1], 0.3 * s[0] + 3.0 * Math.sin(s[1])};
    }

    static Splits splits(UnaryOperator<double[]> map, double[] start, int trajectories, int length, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] out = new double[trajectories][length][];
        for (int t = 0; t < trajectories; t++) {
            double[] x = start.clone();
            for (int j = 0; j < x.length; j++) {
                x[j] += rng.nextDouble(-0.5, 0.5);
            }
            for (int i = 0; i < 2000; i++) {
                x = map.apply(x);
            }
            for (int i = 0; i < length; i++) {
                out[t][i] = x;
                x = map.apply(x);
            }
        }
        return Splits.inTime(out, 0.7, 0.15);
    }
}
