package io.chaoscast.dynamics.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.SystemKind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalog system, present and future, goes through the estimator it will meet in the
 * generator: a short run must give a finite, decreasing spectrum of the right length and a
 * Kaplan-Yorke dimension that fits the state space. Cheap (a few periods each); accuracy is the
 * business of {@link LyapunovEstimatorsTest}.
 */
class CatalogLyapunovContractTest {

    static Stream<ChaoticSystem> systems() {
        return SystemCatalog.standard().all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void shortEstimateIsWellFormed(ChaoticSystem s) {
        LyapunovSettings settings = switch (s.kind()) {
            case MAP -> new LyapunovSettings(5000, 500, true, IntegrationSettings.DEFAULT);
            case FLOW -> new LyapunovSettings(20 * s.period(), 10 * s.period(), true, new IntegrationSettings(1e-8, 1e-8));
            case DELAY -> new LyapunovSettings(10 * s.period(), 10 * s.period(), true, IntegrationSettings.DEFAULT);
        };
        LyapunovResult r = LyapunovEstimators.estimate(s, s.defaultParameters(), s.defaultInitialCondition(), settings);
        int expected = s.kind() == SystemKind.DELAY ? DelaySeparationLyapunovEstimator.SPECTRUM_SIZE : s.dimension();
        assertThat(r.spectrum()).hasSize(expected);
        assertThat(r.maxExponent()).isFinite().isEqualTo(r.spectrum()[0]);
        for (int i = 1; i < r.spectrum().length; i++) {
            assertThat(r.spectrum()[i]).isLessThanOrEqualTo(r.spectrum()[i - 1]);
        }
        if (s.kind() != SystemKind.DELAY) {
            assertThat(r.kaplanYorkeDimension()).isBetween(0.0, (double) s.dimension());
        }
        assertThat(r.method()).isNotBlank();
        assertThat(r.settings()).isNotEmpty();
    }
}
