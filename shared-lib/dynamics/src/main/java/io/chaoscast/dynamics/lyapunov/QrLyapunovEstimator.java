package io.chaoscast.dynamics.lyapunov;

import io.chaoscast.dynamics.integration.DivergenceException;
import io.chaoscast.dynamics.integration.FlowSampler;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.integration.SwitchedFlow;
import io.chaoscast.dynamics.systems.Flow;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Lyapunov exponents of a flow by the tangent-space QR method (Benettin et al. 1980, Shimada and
 * Nagashima 1979): integrate the flow together with {@code k} tangent vectors, {@code dV/dt = J(t,
 * y) V} with the analytic Jacobian, and every renormalisation interval replace {@code V} by the Q
 * of its QR factorisation, adding {@code log R_ii} to the sums. The averages of those sums over the
 * time are the {@code k} leading exponents ({@code k = n} for the spectrum, 1 for the largest only).
 *
 * <p>The augmented system ({@code n + n k} equations) is integrated by Dormand-Prince 8(5,3) at the
 * given tolerances; the tangent vectors start each interval with unit length, so relative and
 * absolute tolerances mean the same for them as for the state. The renormalisation interval is
 * {@code period / RENORMALISATIONS_PER_PERIOD}; re-orthonormalising more often than needed costs a
 * little time and changes nothing, too rarely would let the tangent vectors collapse onto the
 * leading direction, so the interval is halved whenever the growth ratio of the strongest to the
 * weakest vector within one interval exceeds {@link #MAX_GROWTH_RATIO}.
 *
 * <p>A flow whose right-hand side jumps ({@link Flow#switchingSurfaces()}) is integrated event by
 * event, transient included; its tangent vectors take a {@link Saltation} matrix wherever the orbit
 * crosses a switching plane or starts sliding along one. A slide merges nearby orbits onto the
 * plane, so with the spectrum asked for, the exponent across it is minus infinity.
 */
public final class QrLyapunovEstimator {

    /** QR steps per characteristic period of the system. */
    public static final int RENORMALISATIONS_PER_PERIOD = 20;

    /**
     * Largest growth ratio {@code R_11 / R_kk} tolerated within one interval. Beyond it the weakest
     * tangent vector's own direction is a small difference of large numbers (at 1e-9 tolerances
     * about five digits are left at 1e4), so the interval is halved for the rest of the run. Flows
     * with very negative exponents (strongly dissipative ones) need this; Lorenz never triggers it.
     */
    static final double MAX_GROWTH_RATIO = 1e4;

    /** The interval is never halved below this fraction of the initial one. */
    static final double MIN_INTERVAL_FRACTION = 1.0 / 1024;

    private final double renormalisationInterval;

    /** Renormalises every {@code period / RENORMALISATIONS_PER_PERIOD} of the flow. */
    public QrLyapunovEstimator() {
        this(Double.NaN);
    }

    /** @param renormalisationInterval time between QR steps; NaN for the default */
    public QrLyapunovEstimator(double renormalisationInterval) {
        this.renormalisationInterval = renormalisationInterval;
    }

    public LyapunovResult estimate(Flow flow, double[] p, double[] initial, LyapunovSettings settings) {
        return estimate(flow, p, initial, settings, Deadline.NONE);
    }

    LyapunovResult estimate(Flow flow, double[] p, double[] initial, LyapunovSettings settings, Deadline deadline) {
        IntegrationSettings tol = settings.tolerances();
        int n = initial.length;
        int k = settings.spectrum() ? n : 1;
        double interval = Double.isNaN(renormalisationInterval)
                ? flow.period() / RENORMALISATIONS_PER_PERIOD
                : renormalisationInterval;
        if (!(interval > 0)) {
            throw new IllegalArgumentException("renormalisation interval must be positive, found " + interval);
        }

        double end = settings.transientTime() + settings.maxDuration();
        LastStep lastStep = new LastStep(flow, deadline, end);
        checkFinite(flow, initial, 0);
        double[] y = initial.clone();
        double t = 0;
        if (settings.transientTime() > 0) {
            y = integrate(flow, p, y, 0, settings.transientTime(), tol, lastStep);
            t = settings.transientTime();
        }

        boolean analytic = flow.hasAnalyticJacobian();
        double[] z = new double[n + n * k];
        System.arraycopy(y, 0, z, 0, n);
        double[][] v = new double[k][n];
        // A single vector is not a coordinate axis: a symmetric system may keep an axis invariant. A
        // basis is the axes, tilted for a flow with switching planes: a forced one keeps the plane of
        // zero phase perturbation invariant, axes in it never see the phase direction's zero
        // exponent, and where the orbit slides the collapse across the plane (minus infinity) would
        // land on a vector that should carry a finite one.
        boolean tilted = !flow.switchingSurfaces().isEmpty();
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                double tilt = 1.0 + 0.1 * i;
                v[j][i] = k == 1 ? tilt : (i == j ? 1.0 : 0.0) + (tilted ? 0.1 * tilt : 0.0);
            }
        }
        double[] diag = new double[k];
        GramSchmidt.orthonormalise(v, n, diag);

        TangentIntegration integrator = new TangentIntegration(flow, p, n, k, interval, tol, lastStep);

        BatchMeans batches = new BatchMeans(k, settings.batchLength());
        double[] logs = new double[k];
        long renormalisations = 0;
        int halvings = 0;
        double initialInterval = interval;
        while (t < end) {
            double tNext = Math.min(end, t + interval);
            // Fold a sliver left by rounding into this interval: Hipparchus refuses to integrate
            // over less than 1000 ulps of t, and such a sliver carries no information anyway.
            if (end - tNext < 0.01 * interval) {
                tNext = end;
            }
            for (int j = 0; j < k; j++) {
                System.arraycopy(v[j], 0, z, n + j * n, n);
            }
            if (lastStep.size > 0) {
                integrator.setInitialStepSize(Math.min(lastStep.size, tNext - t));
            }
            try {
                z = integrator.integrate(t, z, tNext);
            } catch (MathRuntimeException e) {
                throw new DivergenceException(
                        flow.name() + ": tangent integration stopped near t=" + t + ": " + e.getMessage(), t, e);
            }
            checkFinite(flow, z, tNext);
            for (int j = 0; j < k; j++) {
                System.arraycopy(z, n + j * n, v[j], 0, n);
            }
            GramSchmidt.orthonormalise(v, n, diag);
            for (int j = 0; j < k; j++) {
                logs[j] = Math.log(diag[j]);
            }
            boolean batchClosed = batches.add(logs, tNext - t);
            renormalisations++;
            // A slide collapses the direction across its plane whatever the interval's length, so
            // such an interval says nothing about how fast the vectors part.
            if (k > 1
                    && !integrator.slid()
                    && diag[0] > MAX_GROWTH_RATIO * diag[k - 1]
                    && interval > initialInterval * MIN_INTERVAL_FRACTION) {
                interval /= 2;
                halvings++;
            }
            t = tNext;
            if (batchClosed && LyapunovEstimators.done(settings, batches, deadline)) {
                break;
            }
        }
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("duration", batches.totalTime());
        used.put("transient", settings.transientTime());
        used.put("renormalisationInterval", interval);
        used.put("renormalisationIntervalHalvings", halvings);
        used.put("renormalisations", renormalisations);
        used.put("tangentVectors", k);
        used.put("rtol", tol.rtol());
        used.put("atol", tol.atol());
        used.put("integrator", "DormandPrince853");
        String method = "tangent-space QR (Benettin/Shimada-Nagashima), "
                + (analytic ? "analytic Jacobian" : "central finite-difference Jacobian");
        if (integrator.watchesSwitches()) {
            used.put("switchingPlaneCrossings", integrator.crossings());
            used.put("slidingCrossings", integrator.slides());
            method += ", saltation matrices where the orbit crosses " + flow.switchingSurfaces();
            if (integrator.slides() > 0 && analytic) {
                method += ", central differences of the sliding field where the orbit slides";
            }
            if (integrator.slides() > 0 && k > 1) {
                method += "; the orbit slides along a plane, which merges nearby orbits onto it: the exponent across it is"
                        + " minus infinity";
            }
        }
        return LyapunovEstimators.result(
                batches, k == n, true, method, used, settings, Convergence.defaults(false, flow.period(), settings.duration() / flow.period()));
    }

    private static void checkFinite(Flow flow, double[] z, double t) {
        for (double x : z) {
            if (!Double.isFinite(x) || Math.abs(x) > FlowSampler.DIVERGENCE_BOUND) {
                throw new DivergenceException(
                        flow.name() + ": trajectory or tangent vectors diverged at t=" + t
                                + "; try other parameters or initial conditions",
                        t);
            }
        }
    }

    /** The transient: the flow alone, no tangent vectors. */
    private static double[] integrate(
            Flow flow, double[] p, double[] y0, double t0, double t1, IntegrationSettings tol, LastStep handler) {
        // The least step scales with the period, not the transient's length: at a jump of the
        // right-hand side the step shrinks until the jump fits the tolerance.
        DormandPrince853Integrator integrator =
                new DormandPrince853Integrator(1e-12 * Math.min(t1 - t0, flow.period()), t1 - t0, tol.atol(), tol.rtol());
        integrator.addStepHandler(handler);
        try {
            double[] y = SwitchedFlow.orbit(flow, p, integrator, t0, y0, t1, Long.MAX_VALUE, 1e-12 * Math.min(t1 - t0, flow.period()));
            checkFinite(flow, y, t1);
            return y;
        } catch (MathRuntimeException e) {
            throw new DivergenceException(
                    flow.name() + ": integration stopped during the transient near t=" + handler.reached + ": " + e.getMessage(),
                    handler.reached,
                    e);
        }
    }

    /**
     * Remembers the last accepted step so that the next interval starts with it, and stops a run
     * that leaves finite numbers or its budget in the middle of an interval.
     */
    private static final class LastStep implements ODEStepHandler {
        private final Flow flow;
        private final Deadline deadline;
        private final double end;
        double size;
        double reached;

        LastStep(Flow flow, Deadline deadline, double end) {
            this.flow = flow;
            this.deadline = deadline;
            this.end = end;
        }

        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            reached = interpolator.getCurrentState().getTime();
            checkFinite(flow, interpolator.getCurrentState().getPrimaryState(), reached);
            deadline.check(flow.name(), reached, end);
            double h = reached - interpolator.getPreviousState().getTime();
            // The last step of an interval is cut to hit its end; do not let it shrink the next start.
            if (h > 0 && h >= 0.5 * size) {
                size = h;
            } else if (size == 0) {
                size = h;
            }
        }
    }

    static double[] sortedDecreasing(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double tmp = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = tmp;
        }
        return s;
    }
}
