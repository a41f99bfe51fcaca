package io.chaoscast.dynamics.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GramSchmidtTest {

    @Test
    void diagonalOfRIsTheLengthOfEachNewDirection() {
        double[][] v = {{3, 0, 4}, {1, 1, 0}, {0, 0, 2}};
        double[] diag = new double[3];
        GramSchmidt.orthonormalise(v, 3, diag);
        // |det| = |3*(0) - 0 + 4*(1*0 - 1*0)| ... computed: det [[3,0,4],[1,1,0],[0,0,2]] = 6.
        assertThat(diag[0] * diag[1] * diag[2]).isCloseTo(6, within(1e-12));
        assertThat(diag[0]).isCloseTo(5, within(1e-12));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(GramSchmidt.dot(v[i], v[j], 3)).isCloseTo(i == j ? 1 : 0, within(1e-14));
            }
        }
    }

    @Test
    void staysOrthogonalWhenLengthsDifferByTwelveOrders() {
        double[][] v = {{1, 1e-6, 0}, {1, 1e-6 + 1e-12, 1e-12}, {0, 1, 1}};
        double[] diag = new double[3];
        GramSchmidt.orthonormalise(v, 3, diag);
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                assertThat(Math.abs(GramSchmidt.dot(v[i], v[j], 3))).isLessThan(1e-14);
            }
        }
    }

    @Test
    void dependentColumnGetsZeroLengthAndAnOrthogonalReplacement() {
        double[][] v = {{1, 0}, {2, 0}};
        double[] diag = new double[2];
        GramSchmidt.orthonormalise(v, 2, diag);
        assertThat(diag[1]).isZero();
        assertThat(GramSchmidt.dot(v[0], v[1], 2)).isCloseTo(0, within(1e-15));
        assertThat(GramSchmidt.dot(v[1], v[1], 2)).isCloseTo(1, within(1e-15));
    }
}
