package io.chaoscast.dynamics.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An estimate with the defaults the service uses when a request names no duration ({@link
 * LyapunovSettings#adaptive}: 20 transient periods, at least 200 averaged, batches until the
 * standard error is 1 %) must land within 2 % of a published value, say that it converged, and
 * carry a standard error that accounts for the distance.
 */
class LyapunovDefaultsTest {

    /** The service's settings (chaoscast.lyapunov.*): transient, least duration, work cap in periods. */
    static final double TRANSIENT = 20;
    static final double MIN_PERIODS = 200;
    static final double MAX_PERIODS = 100_000;

    /**
     * Published largest exponents at the catalog's default parameters: Sprott, Chaos and Time-Series
     * Analysis (2003), table of exponents, for Lorenz (0.9056) and Rossler (0.0714); Henon's 0.41922
     * (ibid.); the logistic map at r = 4 and the Chebyshev map T_6 are conjugate to shifts, with
     * exponents ln 2 and ln 6 exactly; the dissipative baker's map stretches every point by 2;
     * Sprott's jerk flow x''' + 2.017 x'' - x'^2 + x = 0 (Phys. Lett. A 228, 271, 1997) has 0.0551
     * in the Lyapunov-spectrum catalogue (sites.google.com/view/lyapunov-spectrum: RK4 at step
     * 0.001, spectrum 0.0551, 0, -2.0721), and the same catalogue gives Chen's system (Chen and
     * Ueta, Int. J. Bifurcation Chaos 9, 1465, 1999, at a = 35, b = 3, c = 28) 2.0232, 0, -12.0227;
     * the Rabinovich-Fabrikant equations at alpha = 1.1, gamma = 0.87 have 0.1981, 0, -0.6581
     * (Sprott 2003, as Wikipedia's article on them quotes it).
     */
    static Stream<Arguments> published() {
        return Stream.of(
                Arguments.of("Lorenz", Map.of(), 0.9056),
                Arguments.of("Rossler", Map.of(), 0.0714),
                Arguments.of("Henon", Map.of(), 0.41922),
                Arguments.of("Logistic", Map.of("r", 4.0), Math.log(2)),
                Arguments.of("Chebyshev", Map.of(), Math.log(6)),
                Arguments.of("Baker", Map.of(), Math.log(2)),
                Arguments.of("SprottJerk", Map.of(), 0.0551),
                Arguments.of("Chen", Map.of(), 2.0232),
                Arguments.of("RabinovichFabrikant", Map.of(), 0.1981));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("published")
    void defaultsLandWithinTwoPercentOfThePublishedValue(String name, Map<String, Double> overrides, double expected) {
        ChaoticSystem s = SystemCatalog.standard().find(name).orElseThrow();
        double[] p = s.resolveParameters(overrides);
        LyapunovResult r = LyapunovEstimators.estimate(
                s,
                p,
                s.defaultInitialCondition(p),
                LyapunovSettings.adaptive(s, false, TRANSIENT, MIN_PERIODS, MAX_PERIODS, IntegrationSettings.DEFAULT));
        System.out.printf(
                "%s: %.5f +- %.5f (published %.5f, %+.2f %%) after %s%n",
                name,
                r.maxExponent(),
                r.maxExponentStandardError(),
                expected,
                100 * (r.maxExponent() / expected - 1),
                r.settings().get("duration") != null ? r.settings().get("duration") : r.settings().get("iterations"));
        assertThat(r.converged()).as("converged").isTrue();
        assertThat(r.maxExponentStandardError()).isPositive().isLessThanOrEqualTo(0.01 * Math.abs(r.maxExponent()));
        assertThat(r.maxExponent()).isCloseTo(expected, within(0.02 * expected));
        assertThat(r.settings()).containsEntry("convergence", "adaptive").containsEntry("stoppedBy", "target met");
    }

    /** A cap too small to meet the target stops the run and says so; the error bar stays honest. */
    @Test
    void aCapTooSmallAnswersUnconvergedWithItsStandardError() {
        ChaoticSystem rossler = SystemCatalog.standard().find("Rossler").orElseThrow();
        LyapunovResult r = LyapunovEstimators.estimate(
                rossler,
                rossler.defaultParameters(),
                rossler.defaultInitialCondition(),
                LyapunovSettings.adaptive(rossler, false, TRANSIENT, MIN_PERIODS, 300, IntegrationSettings.DEFAULT));
        assertThat(r.converged()).isFalse();
        assertThat(r.settings()).containsEntry("stoppedBy", "work cap");
        assertThat(r.maxExponentStandardError()).isGreaterThan(0.01 * r.maxExponent());
        // The answer is still within a few of its own standard errors of the truth.
        assertThat(Math.abs(r.maxExponent() - 0.0714)).isLessThan(4 * r.maxExponentStandardError());
    }

    /** A fixed duration reports standard errors for every exponent of the spectrum too. */
    @Test
    void aFixedDurationSpectrumCarriesAStandardErrorPerExponent() {
        ChaoticSystem lorenz = SystemCatalog.standard().find("Lorenz").orElseThrow();
        double period = lorenz.period();
        LyapunovResult r = LyapunovEstimators.estimate(
                lorenz,
                lorenz.defaultParameters(),
                lorenz.defaultInitialCondition(),
                new LyapunovSettings(200 * period, 20 * period, true, IntegrationSettings.DEFAULT));
        assertThat(r.standardErrors()).hasSize(3);
        for (double se : r.standardErrors()) {
            assertThat(se).isPositive().isLessThan(0.1);
        }
        assertThat(r.kaplanYorkeStandardError()).isPositive().isLessThan(0.05);
        assertThat(r.settings()).containsEntry("convergence", "fixed duration").containsEntry("batches", 20);
        // The zero exponent of a flow is the best-known value of all: it must sit within its error bar.
        assertThat(Math.abs(r.spectrum()[1])).isLessThan(4 * r.standardErrors()[1] + 1e-3);
    }
}
