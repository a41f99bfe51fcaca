package io.chaoscast.dynamics.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Estimates against published values. Reference values: Sprott, Chaos and Time-Series Analysis
 * (2003), appendix A (Lorenz 0.9056, 0, -14.5723; Rossler 0.0714, 0, -5.3943; Henon 0.41922,
 * -1.62319); logistic r = 4 is conjugate to the tent map, exponent ln 2 exactly.
 */
class LyapunovEstimatorsTest {

    private static final SystemCatalog CATALOG = SystemCatalog.standard();
    private static final IntegrationSettings TOL = new IntegrationSettings(1e-9, 1e-9);

    private static ChaoticSystem system(String name) {
        return CATALOG.find(name).orElseThrow();
    }

    private static LyapunovResult run(String name, double[] p, double duration, double transientTime, boolean spectrum) {
        ChaoticSystem s = system(name);
        long start = System.nanoTime();
        LyapunovResult r = LyapunovEstimators.estimate(
                s, p, s.defaultInitialCondition(), new LyapunovSettings(duration, transientTime, spectrum, TOL));
        System.out.printf(
                "%s spectrum=%s ky=%.4f (%.1f s)%n",
                name, Arrays.toString(r.spectrum()), r.kaplanYorkeDimension(), (System.nanoTime() - start) / 1e9);
        return r;
    }

    @Test
    void lorenzSpectrumMatchesPublishedValuesAndTrace() {
        double sigma = 10, rho = 28, beta = 8.0 / 3.0;
        // Catalog order: beta, rho, sigma.
        LyapunovResult r = run("Lorenz", new double[] {beta, rho, sigma}, 5000, 50, true);
        assertThat(r.maxExponent()).isCloseTo(0.9056, within(0.009056));
        double sum = Arrays.stream(r.spectrum()).sum();
        assertThat(sum).isCloseTo(-(sigma + 1 + beta), within(0.01 * (sigma + 1 + beta)));
        assertThat(r.spectrum()[1]).isCloseTo(0.0, within(0.01));
        assertThat(r.lyapunovTime()).isCloseTo(1 / r.maxExponent(), within(1e-12));
        // Kaplan-Yorke: 2 + (l1 + l2) / |l3| = 2.06 for the published spectrum.
        assertThat(r.kaplanYorkeDimension()).isCloseTo(2.062, within(0.01));
    }

    @Test
    void lorenzLargestExponentAloneAgreesWithSpectrum() {
        LyapunovResult r = run("Lorenz", new double[] {8.0 / 3.0, 28, 10}, 5000, 50, false);
        assertThat(r.spectrum()).hasSize(1);
        assertThat(r.maxExponent()).isCloseTo(0.9056, within(0.009056));
        assertThat(r.kaplanYorkeDimension()).isNaN();
    }

    @Test
    void aVolumePreservingFlowHasTheStatesDimensionWhateverItsNoise() {
        // SwingingAtwood is Hamiltonian: exponents (l, 0, 0, -l); over 100 periods the middle two
        // land about 0.01 off zero, on either side. Taking one of them as the flow's zero exponent
        // would leave the other's noise and give 3.92; the zero sum says the dimension is 4.
        ChaoticSystem s = system("SwingingAtwood");
        LyapunovResult r = run("SwingingAtwood", s.defaultParameters(), 100 * s.period(), 10 * s.period(), true);
        assertThat(Arrays.stream(r.spectrum()).sum()).isCloseTo(0.0, within(1e-8));
        assertThat(r.kaplanYorkeDimension()).isEqualTo(4.0);
        assertThat(r.kaplanYorkeStandardError()).isZero();
        assertThat((String) r.settings().get("kaplanYorke")).contains("conserves volume");
    }

    @Test
    void rosslerLargestExponentMatchesPublishedValue() {
        LyapunovResult r = run("Rossler", new double[] {0.2, 0.2, 5.7}, 20000, 200, true);
        assertThat(r.maxExponent()).isCloseTo(0.0714, within(0.05 * 0.0714));
        assertThat(r.spectrum()[2]).isCloseTo(-5.3943, within(0.05 * 5.3943));
    }

    @Test
    void henonSpectrumMatchesPublishedValuesAndDeterminant() {
        LyapunovResult r = run("Henon", new double[] {1.4, 0.3}, 1_000_000, 1000, true);
        assertThat(r.maxExponent()).isCloseTo(0.41922, within(0.0041922));
        // |det J| = b everywhere, so the exponents must add up to ln b at every step.
        assertThat(r.spectrum()[0] + r.spectrum()[1]).isCloseTo(Math.log(0.3), within(1e-9));
    }

    @Test
    void logisticAtFourHasExponentLnTwo() {
        LyapunovResult r = run("Logistic", new double[] {4.0}, 1_000_000, 1000, false);
        assertThat(r.maxExponent()).isCloseTo(Math.log(2), within(0.005 * Math.log(2)));
    }

    /**
     * Reference: 0.0056 per time unit (natural log) from an independent RK4 method-of-steps
     * computation with 100 steps per delay (Sprott's DDE method, as tabulated at
     * sites.google.com/view/lyapunov-spectrum, with the spectrum 0.0056, -0.0002, -0.0394); the
     * NeuroBench MG17 data set uses a Lyapunov time of 197, i.e. 0.0051. Our finite-time estimates
     * over 20 000 time units vary by about 0.0002 with the transient, and the reference carries its
     * own step-size error, hence the 15 % band.
     */
    @Test
    void mackeyGlassAtDelaySeventeenHasPublishedLargestExponent() {
        LyapunovResult r = run("MackeyGlass", new double[] {0.2, 0.1, 10, 17}, 20000, 500, false);
        assertThat(r.maxExponent()).isCloseTo(0.0056, within(0.15 * 0.0056));
        assertThat(r.method()).contains("two-trajectory");
    }

    /**
     * dysts' default delay 16 lies below the onset of chaos: the orbit is periodic, so the largest
     * exponent is the zero exponent of the flow direction and the next one is negative. A zero
     * exponent is only approached as {@code C / T}: the log of the separation along the orbit stays
     * bounded, but a random initial direction needs a few nats to align (the next exponent is only
     * -0.006), so over {@code T = 10 000} the estimate may sit up to about 0.001 from zero.
     */
    @Test
    void mackeyGlassAtDelaySixteenIsPeriodic() {
        ChaoticSystem s = system("MackeyGlass");
        LyapunovResult r = new DelaySeparationLyapunovEstimator(
                        new io.chaoscast.dynamics.integration.MethodOfStepsIntegrator(), 3)
                .estimate(
                        (io.chaoscast.dynamics.systems.DelaySystem) s,
                        new double[] {0.2, 0.1, 10, 16},
                        s.defaultInitialCondition(),
                        new LyapunovSettings(10000, 1000, true, TOL));
        System.out.println("MackeyGlass tau=16 " + Arrays.toString(r.spectrum()));
        assertThat(r.spectrum()[0]).isCloseTo(0.0, within(0.0015));
        assertThat(r.spectrum()[1]).isLessThan(-0.003);
    }
}
