package io.chaoscast.dynamics.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.integration.StickingFlow;
import io.chaoscast.dynamics.systems.Flow;
import io.chaoscast.dynamics.systems.FlowSystem;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tangent vectors of a flow whose right-hand side jumps, checked against what they stand for: the
 * difference of two nearby orbits, integrated as plain orbits (each crosses the switching plane at
 * its own time, under the integrator's step control).
 */
class SaltationTest {

    private static final SystemCatalog CATALOG = SystemCatalog.standard();

    @Test
    void aCrossingAddsTheJumpTimesTheTimeShiftOfTheNeighbour() {
        double[] before = {3, 2};
        double[] after = {5, 4};
        double[] z = {0, 0, 1, 1};
        assertThat(Saltation.apply(before, after, 1, +1, z, 2, 1)).isFalse();
        // v + (after - before) v_c / before_c = (1, 1) + (2, 2) / 2
        assertThat(z).containsExactly(0, 0, 2, 2);
    }

    @Test
    void aCrossingIntoASlidingRegionRemovesTheComponentAcrossThePlane() {
        double[] before = {3, 2};
        double[] after = {5, -2};
        double[] z = {0, 0, 1, 1, 0, 4};
        assertThat(Saltation.apply(before, after, 1, +1, z, 2, 2)).isTrue();
        // Filippov's field mixes the two half and half here: (4, 0); v + ((4, 0) - before) v_c / 2
        assertThat(z).containsExactly(0, 0, 1.5, 0, 2, 0);
    }

    @Test
    void aCrossingTheFieldDoesNotDriveLeavesTheVectorsAlone() {
        double[] z = {0, 0, 1, 1};
        assertThat(Saltation.apply(new double[] {3, -2}, new double[] {5, 4}, 1, +1, z, 2, 1)).isFalse();
        assertThat(z).containsExactly(0, 0, 1, 1);
    }

    /**
     * A neighbour of {@link StickingFlow} that starts {@code dx} higher reaches the plane {@code dx
     * / x'(t1)} later and slides from there: its x merges with the orbit's, while its y keeps the
     * lag, which the sliding field's {@code y'} turns into exactly {@code dx} (the derivative of
     * {@code y(t)} with respect to {@code t1} is {@code 1 - t1/4}, that of {@code t1} with respect
     * to {@code x0} is {@code 1 / (1 - t1/4)}). The slide ends at t = 4 for every neighbour, so the
     * tangent (1, 0) is (0, 1) from the slide on, and (0, 1) stays (0, 1).
     */
    @Test
    void aSlideMergesNeighboursOntoThePlaneAndKeepsTheirLagAlongIt() {
        for (double time : new double[] {2, 6}) {
            TangentIntegration integration =
                    new TangentIntegration(StickingFlow.FLOW, new double[0], 2, 2, 1, new IntegrationSettings(1e-11, 1e-11), null);
            double[] z = integration.integrate(0, new double[] {0.5, 0, 1, 0, 0, 1}, time);
            assertThat(z[0]).as("x at %s", time).isCloseTo(StickingFlow.exact(time)[0], within(1e-9));
            assertThat(z[2]).as("dx/dx0 at %s", time).isCloseTo(0, within(1e-8));
            assertThat(z[3]).as("dy/dx0 at %s", time).isCloseTo(1, within(1e-8));
            assertThat(z[4]).as("dx/dy0 at %s", time).isCloseTo(0, within(1e-8));
            assertThat(z[5]).as("dy/dy0 at %s", time).isCloseTo(1, within(1e-8));
            assertThat(integration.slides()).isEqualTo(1);
        }
    }

    /**
     * Over three periods from the default state, the tangent vector agrees with the orbits to 3e-5
     * relative (1e-4 asserted); without the saltation matrix it is off by the given fraction at
     * least. FluidTrampoline's contact jump is small (psi = 0.01), yet it moves the vector by 8 %.
     */
    @ParameterizedTest
    @CsvSource({"SprottMore, 0.1", "FluidTrampoline, 0.03"})
    void tangentAcrossTheSwitchingPlaneMatchesTwoNearbyOrbits(String name, double offWithout) {
        Flow flow = (Flow) CATALOG.find(name).orElseThrow();
        double[] v = {0.3, -0.5, 0.8};
        double time = 3 * flow.period();
        double[] tangent = tangent(flow, flow.defaultInitialCondition(), v, time);
        double[] orbits = orbitDifference(flow, flow.defaultInitialCondition(), v, time);
        assertThat(distance(tangent, orbits)).isLessThan(1e-4 * norm(orbits));

        FlowSystem unaware = new FlowSystem(flow.info(), flow::derivatives, flow::jacobian);
        double[] without = tangent(unaware, flow.defaultInitialCondition(), v, time);
        assertThat(distance(without, orbits)).isGreaterThan(offWithout * norm(orbits));
    }

    @Test
    void sprottMoreLargestExponentAgreesWithTheSeparationOfTwoOrbits() {
        Flow flow = (Flow) CATALOG.find("SprottMore").orElseThrow();
        double periods = 2000;
        LyapunovSettings settings = new LyapunovSettings(periods * flow.period(), 100 * flow.period(), false, IntegrationSettings.DEFAULT);
        LyapunovResult r = new QrLyapunovEstimator().estimate(flow, flow.defaultParameters(), flow.defaultInitialCondition(), settings);
        double separation = separationExponent(flow, periods * flow.period());
        FlowSystem unaware = new FlowSystem(flow.info(), flow::derivatives, flow::jacobian);
        LyapunovResult without = new QrLyapunovEstimator().estimate(unaware, flow.defaultParameters(), flow.defaultInitialCondition(), settings);
        // 0.234 +- 0.007 against 0.227 from the orbits; the tangent vectors alone see 0.001.
        assertThat(r.spectrum()[0]).isCloseTo(separation, within(0.1 * separation));
        assertThat(without.spectrum()[0]).isLessThan(0.1 * separation);
        assertThat(r.method()).contains("saltation matrices where the orbit crosses [y[2] = 0.0]");
        assertThat((Long) r.settings().get("switchingPlaneCrossings")).isGreaterThan(1000);
        assertThat(without.method()).doesNotContain("saltation");
    }

    /**
     * Benettin's two-orbit estimate: a neighbour {@code 1e-7} away, integrated as an orbit of its
     * own and pulled back to that distance every period.
     */
    private static double separationExponent(Flow flow, double time) {
        int n = flow.dimension();
        double[] a = orbit(flow, flow.defaultInitialCondition(), 100 * flow.period());
        double d0 = 1e-7;
        double[] b = a.clone();
        b[0] += d0 * 0.6;
        b[1] += d0 * 0.8;
        double interval = flow.period();
        double sum = 0;
        for (double t = 0; t < time; t += interval) {
            a = orbit(flow, a, interval);
            b = orbit(flow, b, interval);
            double d = distance(a, b);
            sum += Math.log(d / d0);
            for (int i = 0; i < n; i++) {
                b[i] = a[i] + (b[i] - a[i]) * d0 / d;
            }
        }
        return sum / time;
    }

    /** The tangent vector {@code v} carried from {@code y0} over {@code time}. */
    private static double[] tangent(Flow flow, double[] y0, double[] v, double time) {
        int n = y0.length;
        TangentIntegration integration =
                new TangentIntegration(flow, flow.defaultParameters(), n, 1, time, new IntegrationSettings(1e-12, 1e-12), null);
        double[] z = new double[2 * n];
        System.arraycopy(y0, 0, z, 0, n);
        System.arraycopy(v, 0, z, n, n);
        double[] end = integration.integrate(0, z, time);
        assertThat(integration.crossings() > 0).as("crossings seen").isEqualTo(!flow.switchingSurfaces().isEmpty());
        double[] out = new double[n];
        System.arraycopy(end, n, out, 0, n);
        return out;
    }

    /** {@code (phi(y0 + eps v) - phi(y0 - eps v)) / (2 eps)} over plain orbits. */
    private static double[] orbitDifference(Flow flow, double[] y0, double[] v, double time) {
        int n = y0.length;
        double eps = 1e-6;
        double[] plus = y0.clone();
        double[] minus = y0.clone();
        for (int i = 0; i < n; i++) {
            plus[i] += eps * v[i];
            minus[i] -= eps * v[i];
        }
        double[] a = orbit(flow, plus, time);
        double[] b = orbit(flow, minus, time);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (a[i] - b[i]) / (2 * eps);
        }
        return out;
    }

    private static double[] orbit(Flow flow, double[] y0, double time) {
        double[] p = flow.defaultParameters();
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return y0.length;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] d = new double[y.length];
                flow.derivatives(t, y, p, d);
                return d;
            }
        };
        return new DormandPrince853Integrator(1e-14, time, 1e-13, 1e-13)
                .integrate(ode, new ODEState(0, y0.clone()), time)
                .getPrimaryState();
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    private static double norm(double[] a) {
        return distance(a, new double[a.length]);
    }
}
