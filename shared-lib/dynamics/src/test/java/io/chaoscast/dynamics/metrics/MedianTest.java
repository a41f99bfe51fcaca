package io.chaoscast.dynamics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void middleValueOfAnOddCountAndMeanOfTheTwoMiddleOfAnEvenOne() {
        double[] odd = {5, 1, 3};
        assertThat(Median.of(odd)).isEqualTo(3);
        assertThat(odd).containsExactly(5, 1, 3); // not sorted in place
        assertThat(Median.of(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Median.of(new double[] {7})).isEqualTo(7);
    }

    @Test
    void noValuesIsAnError() {
        assertThatThrownBy(() -> Median.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
