package io.chaoscast.dynamics.lyapunov;

import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.integration.SwitchedFlow;
import io.chaoscast.dynamics.integration.TrialStages;
import io.chaoscast.dynamics.systems.Flow;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * A flow integrated together with {@code k} tangent vectors: {@code y' = f(t, y)}, {@code v_j' =
 * J(t, y) v_j}, the state being the {@code n} coordinates followed by the vectors. A flow with
 * {@linkplain Flow#switchingSurfaces() switching planes} is integrated event by event ({@link
 * SwitchedFlow}): the vectors take a {@link Saltation} matrix wherever the orbit crosses a plane
 * or starts sliding along one, and follow the Jacobian of Filippov's sliding field, by central
 * differences, while it slides.
 */
final class TangentIntegration {

    private final DormandPrince853Integrator integrator;
    private final TangentEquations equations;
    private final SwitchedFlow switched;
    private final int n;
    private final int k;
    private final double[] below;
    private final double[] above;
    private boolean started;
    private boolean slid;

    /**
     * @param interval the integrator's largest step, about the stretch one call integrates; it
     *     also scales the least step and how finely a switching plane is looked for
     */
    TangentIntegration(Flow flow, double[] p, int n, int k, double interval, IntegrationSettings tol, ODEStepHandler handler) {
        this.n = n;
        this.k = k;
        this.below = new double[n];
        this.above = new double[n];
        this.switched = SwitchedFlow.needed(flow)
                ? new SwitchedFlow(flow, p, Math.min(interval / 8, flow.period() / SwitchedFlow.CHECKS_PER_PERIOD), 1e-12 * interval)
                : null;
        this.equations = new TangentEquations(flow, p, n, k, flow.hasAnalyticJacobian(), switched);
        this.integrator = new DormandPrince853Integrator(1e-12 * interval, interval, tol.atol(), tol.rtol());
        if (handler != null) {
            integrator.addStepHandler(handler);
        }
        if (switched != null) {
            switched.attach(integrator);
        }
    }

    /** Integrates the augmented state {@code z} from {@code t} to {@code tEnd}; answers the state there. */
    double[] integrate(double t, double[] z, double tEnd) {
        if (switched == null) {
            return integrator.integrate(equations, new ODEState(t, z), tEnd).getPrimaryState();
        }
        if (!started) {
            switched.start(t, z);
            started = true;
        }
        long slidesBefore = switched.slides();
        slid = onPlane(t, z);
        double[] end = switched.integrate(integrator, equations, t, z, tEnd, Long.MAX_VALUE, this::switched);
        slid |= switched.slides() > slidesBefore;
        return end;
    }

    /**
     * Whether the orbit slid along a plane during the last call: the vectors then lost their
     * component across it, whatever the interval's length.
     */
    boolean slid() {
        return slid;
    }

    /**
     * While the orbit slides, a vector handed in with a component across the plane (a fresh basis
     * from the QR step) stands for a neighbour off the plane, which the branch on its side carries
     * onto the plane at once: it takes the matrix of a slide in from that side.
     */
    private boolean onPlane(double t, double[] z) {
        int c = switched.slidingBranches(t, z, below, above);
        if (c < 0) {
            return false;
        }
        for (int j = 0; j < k; j++) {
            int off = n + j * n;
            double across = z[off + c];
            if (across != 0) {
                Saltation.applyTo(across > 0 ? above : below, across > 0 ? below : above, c, true, z, off, n);
            }
        }
        return true;
    }

    /** A crossing, or a slide in, moves the tangent vectors by the saltation matrix; leaving a slide does not. */
    private void switched(SwitchedFlow.Switch kind, int c, double[] before, double[] after, double direction, double[] z) {
        if (kind != SwitchedFlow.Switch.SLIDE_OUT) {
            Saltation.apply(before, after, c, direction, z, n, k);
        }
    }

    void setInitialStepSize(double h) {
        integrator.setInitialStepSize(h);
    }

    /** Whether any switching plane is watched. */
    boolean watchesSwitches() {
        return switched != null;
    }

    /** Crossings of switching planes so far, slides in included. */
    long crossings() {
        return switched == null ? 0 : switched.crossings();
    }

    /** Slides in so far. */
    long slides() {
        return switched == null ? 0 : switched.slides();
    }

    /** {@code y' = f(t, y)}, {@code v_j' = J(t, y) v_j} for the k tangent vectors. */
    private static final class TangentEquations implements OrdinaryDifferentialEquation {
        private final Flow flow;
        private final double[] p;
        private final int n;
        private final int k;
        private final SwitchedFlow switched;
        private final double[] y;
        private final double[] f;
        private final double[][] jac;
        private final FiniteDifferenceJacobian fd;
        private final boolean analytic;

        TangentEquations(Flow flow, double[] p, int n, int k, boolean analytic, SwitchedFlow switched) {
            this.flow = flow;
            this.p = p.clone();
            this.n = n;
            this.k = k;
            this.switched = switched;
            this.analytic = analytic;
            this.y = new double[n];
            this.f = new double[n];
            this.jac = new double[n][n];
            this.fd = new FiniteDifferenceJacobian(
                    switched != null ? switched::field : (t, state, out) -> flow.derivatives(t, state, this.p, out), n);
        }

        @Override
        public int getDimension() {
            return n + n * k;
        }

        @Override
        public double[] computeDerivatives(double t, double[] z) {
            double[] dz = new double[z.length];
            System.arraycopy(z, 0, y, 0, n);
            if (switched == null) {
                flow.derivatives(t, y, p, f);
            } else {
                switched.field(t, y, f);
            }
            System.arraycopy(f, 0, dz, 0, n);
            // The analytic Jacobian is that of a branch, the one in force even past the plane within
            // a step; a sliding orbit follows neither branch.
            if (analytic && switched == null) {
                flow.jacobian(t, y, p, jac);
            } else if (analytic && switched.sliding() < 0) {
                switched.branchJacobian(t, y, jac);
            } else {
                fd.jacobian(t, y, jac);
            }
            for (int j = 0; j < k; j++) {
                int off = n + j * n;
                for (int r = 0; r < n; r++) {
                    double[] row = jac[r];
                    double s = 0;
                    for (int c = 0; c < n; c++) {
                        s += row[c] * z[off + c];
                    }
                    dz[off + r] = s;
                }
            }
            return TrialStages.rejectNonFinite(dz);
        }
    }
}
