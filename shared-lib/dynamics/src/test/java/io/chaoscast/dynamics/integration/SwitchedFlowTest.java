package io.chaoscast.dynamics.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.systems.Flow;
import org.junit.jupiter.api.Test;

/**
 * Event-driven integration of flows whose right-hand side jumps, against a Filippov system solved
 * by hand ({@link StickingFlow}) and against the catalog's dry-friction oscillator.
 */
class SwitchedFlowTest {

    @Test
    void slidesAlongThePlaneWithFilippovsFieldAndLeavesWhereABranchLetsGo() {
        double dt = 0.05;
        int length = 121;
        double[][] out = new double[length][];
        new FlowSampler(IntegrationSettings.DEFAULT).sample(StickingFlow.FLOW, new double[0], new double[] {0.5, 0}, 0, 0, dt, length, (i, y) -> out[i] = y.clone());
        for (int i = 0; i < length; i++) {
            double[] want = StickingFlow.exact(i * dt);
            assertThat(out[i][0]).as("x at t=%s", i * dt).isCloseTo(want[0], within(1e-9));
            assertThat(out[i][1]).as("y at t=%s", i * dt).isCloseTo(want[1], within(1e-9));
        }
        // While it sticks, x sits on the plane itself, not a chatter around it.
        assertThat(out[40][0]).isZero();
        assertThat(out[79][0]).isZero();
    }

    @Test
    void theModeFollowsTheOrbitAndIsCountedAtEachSwitch() {
        SwitchedFlow switched = new SwitchedFlow(StickingFlow.FLOW, new double[0], 0.1, 1e-12);
        org.hipparchus.ode.nonstiff.DormandPrince853Integrator integrator =
                new org.hipparchus.ode.nonstiff.DormandPrince853Integrator(1e-12, 1, 1e-10, 1e-10);
        switched.attach(integrator);
        double[] y0 = {0.5, 0};
        switched.start(0, y0);
        org.hipparchus.ode.OrdinaryDifferentialEquation ode = new org.hipparchus.ode.OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] d = new double[2];
                switched.field(t, y, d);
                return d;
            }
        };
        double[] mid = switched.integrate(integrator, ode, 0, y0, 2, Long.MAX_VALUE, (kind, c, before, after, direction, z) -> {});
        assertThat(switched.sliding()).isZero();
        assertThat(mid[0]).isZero();
        assertThat(switched.slides()).isEqualTo(1);
        double[] end = switched.integrate(integrator, ode, 2, mid, 6, Long.MAX_VALUE, (kind, c, before, after, direction, z) -> {});
        assertThat(switched.sliding()).isEqualTo(-1);
        assertThat(end[0]).isCloseTo(0.5, within(1e-9));
        assertThat(switched.crossings()).isEqualTo(1);
    }

    /**
     * The catalog's dry-friction oscillator sticks on {@code v = vs} every few periods. Integrated
     * straight through its signum, that stretch chattered at the least step until the evaluation
     * budget ran out (near t = 506 at rtol 1e-10, before 30 000 samples); event by event the whole
     * dataset takes well under a second, and tight and loose tolerances agree.
     */
    @Test
    void theStickSlipOscillatorSticksWithoutChatterAtTightTolerances() {
        Flow flow = (Flow) SystemCatalog.standard().find("StickSlipOscillator").orElseThrow();
        double vs = flow.defaultParameters()[7];
        int length = 60_000;
        double dt = flow.period() / 100;
        double[] tight = new double[length];
        int[] onPlane = {0};
        new FlowSampler(IntegrationSettings.DEFAULT).sample(flow, flow.defaultParameters(), flow.defaultInitialCondition(), 0, 0, dt, length, (i, y) -> {
            tight[i] = y[1];
            if (y[1] == vs) {
                onPlane[0]++;
            }
        });
        assertThat(onPlane[0]).as("samples taken while sticking").isGreaterThan(20);
        double[] loose = new double[length];
        new FlowSampler(new IntegrationSettings(1e-7, 1e-7))
                .sample(flow, flow.defaultParameters(), flow.defaultInitialCondition(), 0, 0, dt, 2000, (i, y) -> loose[i] = y[1]);
        for (int i = 0; i < 2000; i++) {
            assertThat(loose[i]).as("v at sample %d", i).isCloseTo(tight[i], within(1e-4));
        }
    }
}
