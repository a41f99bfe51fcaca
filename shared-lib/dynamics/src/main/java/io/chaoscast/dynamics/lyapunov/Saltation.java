package io.chaoscast.dynamics.lyapunov;

import io.chaoscast.dynamics.systems.Flow;
import io.chaoscast.dynamics.systems.SwitchingSurface;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * The saltation matrix of a flow whose right-hand side jumps across a plane {@code y_c = level}
 * (Aizerman and Gantmacher 1958; Müller 1995 for Lyapunov exponents of such flows). Between
 * crossings the tangent vectors follow the Jacobian of the branch in force; that Jacobian knows
 * nothing of the jump, yet two nearby orbits cross the plane at slightly different times and spend
 * the difference under different fields. At the crossing every tangent vector {@code v} therefore
 * becomes {@code v + (f_after - f_before) v_c / f_before,c}, which is exact to first order.
 *
 * <p>Where both fields push towards the plane, the orbit slides along it (dry friction's sticking
 * phase; no catalog flow that declares a plane reaches it, so only {@link #apply} is tested there). A neighbour then lands on the plane too, so the component of {@code v} across it
 * vanishes: the matrix uses Filippov's sliding field (the mix of the two fields tangent to the
 * plane) in place of {@code f_after}, which sets {@code v_c} to zero. A sliding orbit of a flow
 * written with a signum chatters across the plane; each chatter collapses {@code v_c} again, as
 * it should.
 *
 * <p>One instance watches one plane as a Hipparchus event detector on the tangent integration,
 * whose state is the flow's {@code n} coordinates followed by {@code k} tangent vectors.
 */
final class Saltation implements ODEEventDetector, ODEEventHandler {

    /**
     * Distance from the plane at which the two one-sided fields are evaluated, relative to the
     * level where that exceeds 1 and absolute below.
     */
    private static final double SIDE_OFFSET = 1e-9;

    private final Flow flow;
    private final double[] p;
    private final int n;
    private final int k;
    private final int c;
    private final double level;
    private final AdaptableInterval maxCheck;
    private final BracketedUnivariateSolver<UnivariateFunction> solver;
    private final double[] side;
    private final double[] before;
    private final double[] after;
    private long crossings;
    private long slides;
    private double direction;

    /**
     * @param maxCheck the longest time between two checks of which side the orbit is on; an orbit
     *     that crosses and comes back within it is missed
     * @param threshold how closely in time a crossing is located
     */
    Saltation(Flow flow, SwitchingSurface surface, double[] p, int n, int k, double maxCheck, double threshold) {
        this.flow = flow;
        this.p = p.clone();
        this.n = n;
        this.k = k;
        this.c = surface.coordinate();
        if (c >= n) {
            throw new IllegalArgumentException(flow.name() + ": switching plane " + surface + " outside the state of dimension " + n);
        }
        this.level = surface.level(p);
        this.maxCheck = AdaptableInterval.of(maxCheck);
        this.solver = new BracketingNthOrderBrentSolver(0, threshold, 0, 5);
        this.side = new double[n];
        this.before = new double[n];
        this.after = new double[n];
    }

    /** Crossings seen so far, sliding ones included. */
    long crossings() {
        return crossings;
    }

    /** Crossings into a sliding region. */
    long slides() {
        return slides;
    }

    @Override
    public AdaptableInterval getMaxCheckInterval() {
        return maxCheck;
    }

    @Override
    public int getMaxIterationCount() {
        return 100;
    }

    @Override
    public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
        return solver;
    }

    @Override
    public ODEEventHandler getHandler() {
        return this;
    }

    @Override
    public double g(ODEStateAndDerivative s) {
        return s.getPrimaryState()[c] - level;
    }

    @Override
    public Action eventOccurred(ODEStateAndDerivative s, ODEEventDetector detector, boolean increasing) {
        // The derivative at the event itself is no guide: the orbit sits on the plane, where the
        // field takes either branch.
        direction = increasing ? 1 : -1;
        return Action.RESET_STATE;
    }

    @Override
    public ODEState resetState(ODEEventDetector detector, ODEStateAndDerivative s) {
        double[] z = s.getPrimaryState();
        double offset = SIDE_OFFSET * Math.max(1.0, Math.abs(level));
        System.arraycopy(z, 0, side, 0, n);
        side[c] = level - direction * offset;
        flow.derivatives(s.getTime(), side, p, before);
        side[c] = level + direction * offset;
        flow.derivatives(s.getTime(), side, p, after);
        if (apply(before, after, c, direction, z, n, k)) {
            slides++;
        }
        crossings++;
        return new ODEState(s.getTime(), z);
    }

    /**
     * Applies the saltation matrix of one crossing to the {@code k} tangent vectors stored after
     * the {@code n} coordinates in {@code z}.
     *
     * @param before the field on the side the orbit comes from
     * @param after the field on the side it goes to
     * @param direction +1 if {@code y_c} increases through the plane, -1 if it decreases
     * @return whether the crossing enters a sliding region (the tangent vectors' component {@code
     *     c} is then zero)
     */
    static boolean apply(double[] before, double[] after, int c, double direction, double[] z, int n, int k) {
        double towards = before[c] * direction;
        if (!(towards > 0)) {
            // A crossing the field before it does not drive (grazing, or rounding at the plane):
            // the matrix is unbounded there and the event carries no direction to trust.
            return false;
        }
        boolean sliding = after[c] * direction < 0;
        for (int j = 0; j < k; j++) {
            int off = n + j * n;
            double across = z[off + c] / before[c];
            if (across == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                double target = sliding ? filippov(before, after, c, i) : after[i];
                z[off + i] += (target - before[i]) * across;
            }
            if (sliding) {
                z[off + c] = 0;
            }
        }
        return sliding;
    }

    /** Component {@code i} of the convex mix of the two fields that is tangent to the plane. */
    private static double filippov(double[] before, double[] after, int c, int i) {
        double w = before[c] / (before[c] - after[c]);
        return (1 - w) * before[i] + w * after[i];
    }
}
