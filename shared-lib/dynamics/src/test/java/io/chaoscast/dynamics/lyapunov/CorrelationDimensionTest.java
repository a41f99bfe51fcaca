package io.chaoscast.dynamics.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrelationDimensionTest {

    /** Uniform points on a segment, a square and a cube have dimensions 1, 2 and 3. */
    @Test
    void uniformPointsHaveTheDimensionOfTheirSet() {
        SplittableRandom random = new SplittableRandom(7);
        for (int d = 1; d <= 3; d++) {
            double[][] points = new double[2000][3];
            for (double[] p : points) {
                for (int k = 0; k < d; k++) {
                    p[k] = random.nextDouble();
                }
            }
            CorrelationDimension.Estimate e = CorrelationDimension.estimate(points, 0);
            assertThat(e.dimension()).as("dimension of a %d-cube", d).isCloseTo(d, within(0.15 * d));
            assertThat(e.standardError()).isPositive().isLessThan(0.2);
        }
    }

    /** A fixed point (every sample equal) has dimension zero rather than a division by zero. */
    @Test
    void aFixedPointHasDimensionZero() {
        double[][] points = new double[500][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {1, 2};
        }
        assertThat(CorrelationDimension.estimate(points, 0).dimension()).isZero();
    }
}
