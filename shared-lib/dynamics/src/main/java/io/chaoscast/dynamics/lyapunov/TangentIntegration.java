package io.chaoscast.dynamics.lyapunov;

import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.integration.TrialStages;
import io.chaoscast.dynamics.systems.Flow;
import io.chaoscast.dynamics.systems.SwitchingSurface;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * A flow integrated together with {@code k} tangent vectors: {@code y' = f(t, y)}, {@code v_j' =
 * J(t, y) v_j}, the state being the {@code n} coordinates followed by the vectors. For a flow with
 * {@linkplain Flow#switchingSurfaces() switching planes} the vectors take a {@link Saltation}
 * matrix wherever the orbit crosses one.
 */
final class TangentIntegration {

    private final DormandPrince853Integrator integrator;
    private final TangentEquations equations;
    private final List<Saltation> saltations = new ArrayList<>();

    /**
     * @param interval the integrator's largest step, about the stretch one call integrates; it
     *     also scales the least step and how finely a crossing is looked for (every eighth of it)
     */
    TangentIntegration(Flow flow, double[] p, int n, int k, double interval, IntegrationSettings tol, ODEStepHandler handler) {
        this.equations = new TangentEquations(flow, p, n, k, flow.hasAnalyticJacobian());
        this.integrator = new DormandPrince853Integrator(1e-12 * interval, interval, tol.atol(), tol.rtol());
        if (handler != null) {
            integrator.addStepHandler(handler);
        }
        for (SwitchingSurface surface : flow.switchingSurfaces()) {
            Saltation saltation = new Saltation(flow, surface, p, n, k, interval / 8, 1e-12 * interval);
            integrator.addEventDetector(saltation);
            saltations.add(saltation);
        }
    }

    /** Integrates the augmented state {@code z} from {@code t} to {@code tEnd}. */
    ODEStateAndDerivative integrate(double t, double[] z, double tEnd) {
        return integrator.integrate(equations, new ODEState(t, z), tEnd);
    }

    void setInitialStepSize(double h) {
        integrator.setInitialStepSize(h);
    }

    /** Whether any switching plane is watched. */
    boolean watchesSwitches() {
        return !saltations.isEmpty();
    }

    /** Crossings of switching planes so far, sliding ones included. */
    long crossings() {
        return saltations.stream().mapToLong(Saltation::crossings).sum();
    }

    /** Crossings into a sliding region so far. */
    long slides() {
        return saltations.stream().mapToLong(Saltation::slides).sum();
    }

    /** {@code y' = f(t, y)}, {@code v_j' = J(t, y) v_j} for the k tangent vectors. */
    private static final class TangentEquations implements OrdinaryDifferentialEquation {
        private final Flow flow;
        private final double[] p;
        private final int n;
        private final int k;
        private final double[] y;
        private final double[] f;
        private final double[][] jac;
        private final FiniteDifferenceJacobian fd;

        TangentEquations(Flow flow, double[] p, int n, int k, boolean analytic) {
            this.flow = flow;
            this.p = p.clone();
            this.n = n;
            this.k = k;
            this.y = new double[n];
            this.f = new double[n];
            this.jac = new double[n][n];
            this.fd = analytic ? null : new FiniteDifferenceJacobian(flow, n);
        }

        @Override
        public int getDimension() {
            return n + n * k;
        }

        @Override
        public double[] computeDerivatives(double t, double[] z) {
            double[] dz = new double[z.length];
            System.arraycopy(z, 0, y, 0, n);
            flow.derivatives(t, y, p, f);
            System.arraycopy(f, 0, dz, 0, n);
            if (fd == null) {
                flow.jacobian(t, y, p, jac);
            } else {
                fd.jacobian(t, y, p, jac);
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
