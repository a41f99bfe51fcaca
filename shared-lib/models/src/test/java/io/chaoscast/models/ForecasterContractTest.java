package io.chaoscast.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaoscast.models.baselines.EchoStateNetwork;
import io.chaoscast.models.baselines.LinearAutoregression;
import io.chaoscast.models.baselines.Nvar;
import io.chaoscast.models.baselines.PersistenceForecaster;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One contract, run over every forecaster (Hipparchus runs one abstract test over every integrator). */
class ForecasterContractTest {

    private static EarlyExitForecaster net;

    static Stream<Forecaster> forecasters() {
        var s = TinyLorenz.splits();
        synchronized (ForecasterContractTest.class) {
            if (net == null) {
                net = TinyLorenz.trainNetwork();
            }
        }
        return Stream.of(
                net,
                new PersistenceForecaster(3),
                LinearAutoregression.fitTuned(s.train(), s.validation(), 4, 20),
                Nvar.fitTuned(s.train(), s.validation(), 2, 1, 20),
                EchoStateNetwork.fitTuned(
                        s.train(), s.validation(), new EchoStateNetwork.Settings(60, 3, 0.9, 0.5, 0.5, 30, 2L), 20));
    }

    @AfterAll
    static void close() {
        if (net != null) {
            net.close();
        }
    }

    private static final List<ExitPolicy> POLICIES =
            List.of(ExitPolicy.full(), ExitPolicy.fixed(1), ExitPolicy.dynamic(0.5), ExitPolicy.dynamic(0));

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("forecasters")
    void forecastsHaveTheAskedShapeAndStayFinite(Forecaster f) {
        ForecasterSpec spec = f.spec();
        double[][][] ctx = TinyLorenz.contexts(5, spec.contextLength());
        int horizon = 2 * spec.stepsPerPass() + 1;
        int passes = (horizon + spec.stepsPerPass() - 1) / spec.stepsPerPass();
        for (ExitPolicy p : POLICIES) {
            ForecastResult r = f.forecast(ctx, horizon, p);
            assertThat(r.forecasts()).hasDimensions(5, horizon);
            for (double[][] row : r.forecasts()) {
                for (double[] x : row) {
                    assertThat(x).hasSize(spec.dimension());
                    assertThat(Arrays.stream(x).allMatch(Double::isFinite)).isTrue();
                }
            }
            assertThat(r.exitDepths()).hasDimensions(5, passes);
            for (int[] d : r.exitDepths()) {
                for (int v : d) {
                    assertThat(v).isBetween(1, spec.depth());
                }
            }
            assertThat(r.uncertainties()).hasDimensions(5, passes);
            assertThat(r.blockEvaluations()).isBetween((long) 5 * passes, r.fullDepthBlockEvaluations());
            assertThat(r.fullDepthBlockEvaluations()).isEqualTo((long) 5 * passes * spec.depth());
        }
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("forecasters")
    void forecastsAreDeterministicAndReadOnlyTheLastContextStates(Forecaster f) {
        int l = f.spec().contextLength();
        double[][][] longer = TinyLorenz.contexts(3, l + 5);
        double[][][] exact = new double[3][][];
        for (int i = 0; i < 3; i++) {
            exact[i] = Arrays.copyOfRange(longer[i], 5, l + 5);
        }
        double[][][] a = f.forecast(longer, 6, ExitPolicy.full()).forecasts();
        double[][][] b = f.forecast(exact, 6, ExitPolicy.full()).forecasts();
        assertThat(b).isDeepEqualTo(a);
        assertThat(f.forecast(exact, 6, ExitPolicy.full()).forecasts()).isDeepEqualTo(b);
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("forecasters")
    void badInputIsRejectedNamingTheField(Forecaster f) {
        int l = f.spec().contextLength();
        double[][][] ok = TinyLorenz.contexts(1, l);
        assertThatThrownBy(() -> f.forecast(ok, 0, ExitPolicy.full())).hasMessageContaining("horizon");
        if (l > 1) {
            double[][][] shortCtx = {Arrays.copyOfRange(ok[0], 1, l)};
            assertThatThrownBy(() -> f.forecast(shortCtx, 1, ExitPolicy.full()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least " + l);
        }
        double[][][] wrongDim = {new double[l][2]};
        assertThatThrownBy(() -> f.forecast(wrongDim, 1, ExitPolicy.full())).hasMessageContaining("dimension 3");
        double[][][] nan = {Arrays.stream(ok[0]).map(double[]::clone).toArray(double[][]::new)};
        nan[0][l - 1][0] = Double.NaN;
        assertThatThrownBy(() -> f.forecast(nan, 1, ExitPolicy.full())).hasMessageContaining("finite");
        assertThatThrownBy(() -> f.forecast(new double[0][][], 1, ExitPolicy.full())).hasMessageContaining("contexts");
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("forecasters")
    void shortForecastsBeatNothingButStayNearTheAttractor(Forecaster f) {
        // One step ahead every model is within a few standard deviations of the truth.
        double[][] t = TinyLorenz.splits().test()[0];
        int l = f.spec().contextLength();
        double[][][] ctx = {Arrays.copyOfRange(t, 0, l)};
        double[] next = f.forecast(ctx, 1, ExitPolicy.full()).forecasts()[0][0];
        for (int j = 0; j < 3; j++) {
            assertThat(Math.abs(next[j] - t[l][j])).isLessThan(10.0);
        }
    }
}
