package io.chaoscast.dynamics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The attractor-level metrics on cases whose answer is known in closed form. */
class AttractorMetricsTest {

    @Test
    void wassersteinOfAShiftIsTheShiftAndOfUnequalSamplesIsTheQuantileDistance() {
        double[] x = {0.3, -1, 2, 5, 0};
        double[] shifted = {2.8, 1.5, 4.5, 7.5, 2.5};
        assertThat(WassersteinDistance.of(x, shifted)).isCloseTo(2.5, within(1e-12));
        assertThat(WassersteinDistance.of(new double[] {0, 1}, new double[] {0, 0, 1, 1})).isCloseTo(0, within(1e-12));
        // Quantile functions 0,0,1,1 against 0,1,2,3 on quarters: (0 + 1 + 1 + 2) / 4.
        assertThat(WassersteinDistance.of(new double[] {0, 1}, new double[] {0, 1, 2, 3})).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void marginalDistanceIsInUnitsOfTheTruthsStandardDeviation() {
        double[][] truth = new double[1000][2];
        double[][] shifted = new double[1000][2];
        for (int i = 0; i < truth.length; i++) {
            truth[i][0] = i % 2 == 0 ? -1 : 1; // standard deviation 1
            truth[i][1] = i % 2 == 0 ? -2 : 2; // standard deviation 2
            shifted[i][0] = truth[i][0] + 0.5;
            shifted[i][1] = truth[i][1] + 0.5;
        }
        assertThat(WassersteinDistance.marginals(truth, shifted)).isCloseTo((0.5 + 0.25) / 2, within(1e-12));
        shifted[3][1] = Double.NaN;
        assertThat(WassersteinDistance.marginals(truth, shifted)).isInfinite();
    }

    @Test
    void correlationDimensionOfUniformLineSquareAndCubeIsOneTwoThree() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] line = new double[2000][3];
        double[][] square = new double[2000][3];
        double[][] cube = new double[2000][3];
        for (int i = 0; i < 2000; i++) {
            double t = r.nextDouble();
            line[i] = new double[] {t, 2 * t, -t};
            square[i] = new double[] {r.nextDouble(), r.nextDouble(), 0};
            cube[i] = new double[] {r.nextDouble(), r.nextDouble(), r.nextDouble()};
        }
        assertThat(CorrelationDimension.of(line)).isCloseTo(1.0, within(0.1));
        assertThat(CorrelationDimension.of(square)).isCloseTo(2.0, within(0.2));
        assertThat(CorrelationDimension.of(cube)).as("edges bias a bounded cube low").isCloseTo(3.0, within(0.3));
        assertThat(CorrelationDimension.error(square, cube)).isCloseTo(1.0, within(0.4));
    }

    @Test
    void spectrumDistanceIsZeroForAPhaseShiftAndNearOneForAnotherFrequency() {
        int n = 1024;
        double[][] a = new double[n][1];
        double[][] phase = new double[n][1];
        double[][] other = new double[n][1];
        for (int i = 0; i < n; i++) {
            a[i][0] = Math.sin(2 * Math.PI * 20 * i / n);
            phase[i][0] = Math.sin(2 * Math.PI * 20 * i / n + 1.3);
            other[i][0] = Math.sin(2 * Math.PI * 200 * i / n);
        }
        assertThat(PowerSpectrumDistance.of(a, a)).isCloseTo(0, within(1e-6));
        assertThat(PowerSpectrumDistance.of(a, phase)).isLessThan(0.01);
        assertThat(PowerSpectrumDistance.of(a, other)).isGreaterThan(0.99);
        double[][] broken = other.clone();
        broken[5] = new double[] {Double.POSITIVE_INFINITY};
        assertThat(PowerSpectrumDistance.of(a, broken)).isEqualTo(1.0);
    }

    @Test
    void fftMatchesTheDirectTransform() {
        double[] re = {1, 2, 0, -1, 3, 0.5, 0, 2};
        double[] im = new double[8];
        double[] r0 = re.clone();
        PowerSpectrumDistance.fft(re, im);
        for (int k = 0; k < 8; k++) {
            double sr = 0;
            double si = 0;
            for (int t = 0; t < 8; t++) {
                sr += r0[t] * Math.cos(-2 * Math.PI * k * t / 8);
                si += r0[t] * Math.sin(-2 * Math.PI * k * t / 8);
            }
            assertThat(re[k]).isCloseTo(sr, within(1e-9));
            assertThat(im[k]).isCloseTo(si, within(1e-9));
        }
    }

    @Test
    void boundednessCountsStepsInsideTheWidenedRange() {
        double[][] truth = {{0}, {1}, {0.5}, {0.2}};
        double[][] forecast = {{0.5}, {1.9}, {-0.9}, {2.5}, {Double.NaN}};
        assertThat(Boundedness.fractionInside(truth, forecast)).isCloseTo(3 / 5.0, within(1e-12));
        assertThat(Boundedness.bounded(truth, new double[][] {{0.5}, {-1}})).isTrue();
    }

    @Test
    void aForecastOnTheAttractorButOutOfPhaseScoresBetterThanADivergingOne() {
        int n = 2048;
        double[][] truth = new double[n][2];
        double[][] outOfPhase = new double[n][2];
        double[][] diverging = new double[n][2];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * 16 * i / n;
            truth[i] = new double[] {Math.cos(t), Math.sin(t)};
            outOfPhase[i] = new double[] {Math.cos(t + 2), Math.sin(t + 2)};
            double g = Math.exp(i / 400.0);
            diverging[i] = new double[] {g * Math.cos(t), g * Math.sin(t)};
        }
        AttractorMetrics on = AttractorMetrics.of(truth, outOfPhase);
        AttractorMetrics off = AttractorMetrics.of(truth, diverging);
        assertThat(on.wasserstein()).isLessThan(0.05);
        assertThat(on.boundedFraction()).isEqualTo(1.0);
        assertThat(on.correlationDimensionError()).isLessThan(0.1);
        assertThat(off.wasserstein()).isGreaterThan(1);
        assertThat(off.boundedFraction()).isLessThan(0.5);
        assertThat(on.asMetrics("test_attractor_")).containsKeys("test_attractor_wasserstein", "test_attractor_bounded_fraction");
    }
}
