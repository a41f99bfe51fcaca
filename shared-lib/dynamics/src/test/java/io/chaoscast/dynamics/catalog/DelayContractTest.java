package io.chaoscast.dynamics.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.integration.TrajectoryGenerator;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.SystemKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog contract for the six delay equations (the flows' and maps' is {@link
 * CatalogContractTest}): finite and bounded, deterministic, and the spread of {@code x(t)} over
 * a long run compared with dysts'.
 *
 * <p>dysts' delay statistics are per component of a 10-sample delay embedding of {@code x} over a
 * short window; every component is a time-shifted copy of {@code x}, so we compare our standard
 * deviation of {@code x} over {@value #PERIODS} periods with dysts' pooled one (the spread of all
 * ten components' samples together: mean variance plus the variance of the means), within
 * {@value #STD_TOLERANCE}.
 */
class DelayContractTest {

    static final int PERIODS = 200;
    static final int TRANSIENT_PERIODS = 20;
    static final double STD_TOLERANCE = 0.25;

    /** Named, with the reason; checked for bounds and determinism like the others. */
    static final Map<String, String> STATISTICS_EXCLUDED = Map.of(
            "MackeyGlass",
            "tau = 17 here, the chaotic benchmark, where dysts has tau = 16 (a limit cycle from this history; see"
                    + " DelaySystems); ratio 0.97 all the same",
            "SprottDelay",
            "ratio 1.39: x wanders between the wells of sin, 2 pi apart, and a long run visits more of them than dysts'"
                    + " window of 10 periods",
            "VossDelay",
            "ratio 0.75: dysts' window covers 7.5 delay times from its own history, ours 200 periods from a constant one;"
                    + " not resolved further");

    static Stream<ChaoticSystem> delays() {
        return SystemCatalog.standard().ofKind(SystemKind.DELAY).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("delays")
    void boundedDeterministicAndOfDystsSpread(ChaoticSystem s) {
        List<double[]> first = run(s);
        List<double[]> second = run(s);
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("identical samples").isEqualTo(first.get(i));
        }
        RunningMoments m = new RunningMoments(1, (y, o) -> o[0] = y[0]);
        for (int i = 0; i < first.size(); i++) {
            double x = first.get(i)[0];
            assertThat(x).isFinite();
            assertThat(Math.abs(x)).isLessThan(CatalogContractTest.BOUND);
            m.accept(i, first.get(i));
        }
        double dystsStd = DYSTS_MEAN_STD.get(s.name());
        double ratio = m.std()[0] / dystsStd;
        System.out.printf("DELAY %-18s std ratio %.3f%n", s.name(), ratio);
        if (!STATISTICS_EXCLUDED.containsKey(s.name())) {
            assertThat(Math.abs(ratio - 1)).as(s.name() + " std of x over dysts' pooled std").isLessThanOrEqualTo(STD_TOLERANCE);
        }
    }

    private static List<double[]> run(ChaoticSystem s) {
        List<double[]> out = new ArrayList<>();
        double dt = s.period() / 20;
        new TrajectoryGenerator(IntegrationSettings.DEFAULT)
                .generate(s, s.defaultParameters(), s.defaultInitialCondition(), dt, TRANSIENT_PERIODS * s.period(), PERIODS * 20,
                        (i, y) -> out.add(y.clone()));
        return out;
    }

    /** dysts' pooled standard deviation over its ten embedding components. */
    static final Map<String, Double> DYSTS_MEAN_STD = Map.of(
            "MackeyGlass", 0.23384,
            "IkedaDelay", 3.34389,
            "PiecewiseCircuit", 1.91321,
            "ScrollDelay", 1.05702,
            "SprottDelay", 2.45827,
            "VossDelay", 0.36025);
}
