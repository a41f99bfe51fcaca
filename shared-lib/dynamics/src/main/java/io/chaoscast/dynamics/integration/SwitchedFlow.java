package io.chaoscast.dynamics.integration;

import io.chaoscast.dynamics.systems.Flow;
import io.chaoscast.dynamics.systems.SwitchingSurface;
import java.util.List;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * A flow whose right-hand side jumps across {@linkplain Flow#switchingSurfaces() planes},
 * integrated event by event as a Filippov system.
 *
 * <p>Integrating the published equations straight through a jump costs an adaptive integrator a
 * cascade of rejected steps at every crossing, and where both branches push into the plane (dry
 * friction sticking) the orbit chatters across it at the least step until the evaluation budget is
 * spent. Here each plane has a side in force; within a step the field of that side is used even
 * past the plane, so every step sees a smooth field, and an event stops the integration where the
 * orbit reaches the plane. There the orbit either crosses (the other side comes into force) or,
 * when the far side's field pushes back, slides along the plane with Filippov's field, the convex
 * mix of the two branches that is tangent to it, until one branch stops pushing into the plane.
 * Sliding on two planes at once is not modelled: a second plane reached while sliding is crossed,
 * with the branches of the first plane's last side (no catalog flow has two planes).
 *
 * <p>An instance holds the mode (the side of each plane, the plane slid on) and is used by one
 * integration at a time. The integrated state starts with the flow's {@code n} coordinates; an
 * integration may carry more (tangent vectors), which {@link Listener} updates at each switch.
 */
public final class SwitchedFlow {

    /** What happened where the orbit met a plane. */
    public enum Switch {
        /** The orbit crossed to the other side. */
        CROSSING,
        /** Both branches push into the plane: the orbit slides along it. */
        SLIDE_IN,
        /** One branch stopped pushing into the plane the orbit slid on: it leaves to that side. */
        SLIDE_OUT
    }

    /** Told of each switch, with the state (extra components included) it may update in place. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param before the field in force before the switch, at the switching point
         * @param after the branch on the far side of the plane, at the same point (for a slide in, the
         *     branch that pushes back)
         * @param direction +1 if {@code y_c} was increasing into the plane, -1 if decreasing
         */
        void switched(Switch kind, int coordinate, double[] before, double[] after, double direction, double[] z);
    }

    /**
     * How far an orbit leaving a plane it slid on is set off it, relative to the level (absolute
     * below 1): far enough for the crossing detector to see which side it is on, far below any
     * integration tolerance.
     */
    private static final double LEAVING_OFFSET = 1e-13;

    /**
     * Consecutive switches without progress in time (less than {@link #IN_PLACE} relative each)
     * after which the orbit is declared stuck: a Zeno cascade of switches would otherwise go on
     * for as long as the evaluation budget, unlimited for the tangent integration.
     */
    private static final int MAX_SWITCHES_IN_PLACE = 1000;

    private static final double IN_PLACE = 1e-10;

    /** How often per period the integrators look for a plane, at least. */
    public static final int CHECKS_PER_PERIOD = 32;

    private final Flow flow;
    private final double[] p;
    private final int n;
    private final int[] coordinate;
    private final double[] level;
    private final double[] sides;
    private final double[] below;
    private final double[] above;
    private final double[] before;
    private final double[] after;
    private final Detector[] detectors;
    private int sliding = -1;
    private int fired = -1;
    private boolean firedIncreasing;
    private double lastStep;
    private long crossings;
    private long slides;

    /**
     * @param maxCheck the longest time between two checks for a plane; an orbit that reaches a
     *     plane and leaves it again within less is not seen to
     * @param threshold how closely in time a switch is located
     */
    public SwitchedFlow(Flow flow, double[] p, double maxCheck, double threshold) {
        List<SwitchingSurface> surfaces = flow.switchingSurfaces();
        if (surfaces.isEmpty()) {
            throw new IllegalArgumentException(flow.name() + " has no switching plane");
        }
        this.flow = flow;
        this.p = p.clone();
        this.n = flow.dimension();
        this.coordinate = new int[surfaces.size()];
        this.level = new double[surfaces.size()];
        this.sides = new double[surfaces.size()];
        this.detectors = new Detector[surfaces.size()];
        for (int k = 0; k < surfaces.size(); k++) {
            coordinate[k] = surfaces.get(k).coordinate();
            level[k] = surfaces.get(k).level(p);
            detectors[k] = new Detector(k, maxCheck, threshold);
        }
        this.below = new double[n];
        this.above = new double[n];
        this.before = new double[n];
        this.after = new double[n];
    }

    /** Whether a flow needs this: it declares a plane its field jumps across. */
    public static boolean needed(Flow flow) {
        return !flow.switchingSurfaces().isEmpty();
    }

    /**
     * Sets the mode from a state: each plane's side is the one {@code y} lies on; on a plane, the
     * side its field goes to, or sliding where both branches push into it.
     */
    public void start(double t, double[] y) {
        sliding = -1;
        for (int k = 0; k < sides.length; k++) {
            double distance = y[coordinate[k]] - level[k];
            sides[k] = distance > 0 ? 1 : -1;
        }
        for (int k = 0; k < sides.length; k++) {
            if (y[coordinate[k]] != level[k]) {
                continue;
            }
            branches(t, y, k);
            int c = coordinate[k];
            if (sliding < 0 && below[c] > 0 && above[c] < 0) {
                sliding = k;
            } else {
                sides[k] = above[c] > 0 ? 1 : below[c] < 0 ? -1 : 1;
            }
        }
    }

    /** Adds the plane detectors and the step-size memory to an integrator; once per integrator. */
    public void attach(ODEIntegrator integrator) {
        for (Detector detector : detectors) {
            integrator.addEventDetector(detector);
        }
        integrator.addStepHandler(new ODEStepHandler() {
            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double h = interpolator.getCurrentState().getTime() - interpolator.getPreviousState().getTime();
                if (h > 0.5 * lastStep || lastStep == 0) {
                    lastStep = h;
                }
            }
        });
    }

    /**
     * The field in force at {@code (t, y)}: the branch of each plane's side, or on the plane slid
     * on Filippov's sliding field. Writes the {@code n} components of {@code out}.
     */
    public void field(double t, double[] y, double[] out) {
        if (sliding < 0) {
            flow.derivativesOnSides(t, y, p, sides, out);
            return;
        }
        branches(t, y, sliding);
        slidingMix(coordinate[sliding], out);
    }

    /** Filippov's sliding field across coordinate {@code c} from the branches now in {@link #below} and {@link #above}. */
    private void slidingMix(int c, double[] out) {
        double spread = below[c] - above[c];
        // In the sliding region below_c > 0 > above_c. A trial stage a little past its end takes
        // the weight extrapolated (beyond [0, 1]): the smooth continuation keeps the step's error
        // estimate honest, where holding the weight at a branch would put a kink inside the step.
        double w = spread > 0 ? below[c] / spread : 0.5;
        for (int i = 0; i < n; i++) {
            out[i] = (1 - w) * below[i] + w * above[i];
        }
        out[c] = 0;
    }

    /**
     * Both branches of the plane slid on at {@code (t, y)}: the one below it into {@code below},
     * the one above into {@code above}; answers the plane's coordinate, or -1 when not sliding.
     */
    public int slidingBranches(double t, double[] y, double[] below, double[] above) {
        if (sliding < 0) {
            return -1;
        }
        branches(t, y, sliding);
        System.arraycopy(this.below, 0, below, 0, n);
        System.arraycopy(this.above, 0, above, 0, n);
        return coordinate[sliding];
    }

    /**
     * The Jacobian of the branches in force at {@code (t, y)}, off a sliding stretch (the sliding
     * field has none in closed form: callers take it by differences of {@link #field}).
     */
    public void branchJacobian(double t, double[] y, double[][] jac) {
        flow.jacobianOnSides(t, y, p, sides, jac);
    }

    /** The plane slid on, or -1 when the orbit is off every plane's sliding stretch. */
    public int sliding() {
        return sliding;
    }

    /** Crossings of a plane so far, slides in included. */
    public long crossings() {
        return crossings;
    }

    /** Slides in so far. */
    public long slides() {
        return slides;
    }

    /**
     * Integrates an orbit alone from {@code (t0, y0)} to {@code tEnd} with a fresh {@code
     * integrator}: event by event when the flow jumps across planes (looked for {@link
     * #CHECKS_PER_PERIOD} times per period, located to {@code threshold} in time, all segments
     * together within {@code maxEvaluations}), straight through otherwise (within the integrator's
     * own limit).
     *
     * @return the state at {@code tEnd}
     */
    public static double[] orbit(
            Flow flow, double[] p, AdaptiveStepsizeIntegrator integrator, double t0, double[] y0, double tEnd, long maxEvaluations,
            double threshold) {
        if (!needed(flow)) {
            return integrator.integrate(OrbitEquations.of(flow, p, y0.length), new ODEState(t0, y0), tEnd).getPrimaryState();
        }
        SwitchedFlow switched = new SwitchedFlow(flow, p, flow.period() / CHECKS_PER_PERIOD, threshold);
        switched.start(t0, y0);
        switched.attach(integrator);
        return switched.integrate(
                integrator, new OrbitEquations(switched.n, switched::field), t0, y0, tEnd, maxEvaluations, (kind, c, before, after, direction, z) -> {});
    }

    /**
     * Integrates from {@code (t, z)} to {@code tEnd}, stopping at every switch to change the mode
     * (and tell the listener) before going on.
     *
     * @param maxEvaluations the most derivative evaluations all segments may take together
     * @return the state at {@code tEnd}
     */
    public double[] integrate(
            AdaptiveStepsizeIntegrator integrator,
            OrdinaryDifferentialEquation ode,
            double t,
            double[] z,
            double tEnd,
            long maxEvaluations,
            Listener listener) {
        double[] state = z.clone();
        long used = 0;
        int inPlace = 0;
        while (true) {
            // Hipparchus refuses an interval under 1000 ulps; a switch that close to the end is
            // integrated a sliver past it instead.
            double target = Math.max(tEnd, t + 2000 * Math.ulp(Math.max(Math.abs(t), Math.abs(tEnd))));
            long left = maxEvaluations - used;
            if (left <= 0) {
                throw new MathIllegalStateException(LocalizedCoreFormats.MAX_COUNT_EXCEEDED, maxEvaluations);
            }
            integrator.setMaxEvaluations((int) Math.min(Integer.MAX_VALUE, left));
            fired = -1;
            ODEStateAndDerivative s = integrator.integrate(ode, new ODEState(t, state), target);
            used += integrator.getEvaluations();
            double reached = s.getTime();
            state = s.getPrimaryState();
            if (fired < 0) {
                return state;
            }
            inPlace = reached - t > IN_PLACE * Math.max(1, Math.abs(reached)) ? 0 : inPlace + 1;
            if (inPlace > MAX_SWITCHES_IN_PLACE) {
                throw new MathIllegalStateException(LocalizedCoreFormats.MAX_COUNT_EXCEEDED, MAX_SWITCHES_IN_PLACE);
            }
            t = reached;
            switchAt(t, state, listener);
            if (t >= tEnd) {
                return state;
            }
            if (lastStep > 0) {
                integrator.setInitialStepSize(Math.min(lastStep, tEnd - t));
            }
        }
    }

    /** Changes the mode where detector {@link #fired} stopped the integration, and moves {@code z} onto or off the plane. */
    private void switchAt(double t, double[] z, Listener listener) {
        int k = fired;
        int c = coordinate[k];
        if (sliding == k) {
            branches(t, z, k);
            // The branch that no longer pushes into the plane is the side the orbit leaves to.
            double leave = -below[c] >= above[c] ? -1 : 1;
            System.arraycopy(leave < 0 ? below : above, 0, after, 0, n);
            slidingMix(c, before);
            sliding = -1;
            sides[k] = leave;
            z[c] = level[k] + leave * LEAVING_OFFSET * Math.max(1, Math.abs(level[k]));
            listener.switched(Switch.SLIDE_OUT, c, before, after, leave, z);
            return;
        }
        double direction = firedIncreasing ? 1 : -1;
        // Both branches at the crossing point itself, the point put exactly on the plane.
        double reached = z[c];
        z[c] = level[k];
        branches(t, z, k);
        double[] from = direction > 0 ? below : above;
        double[] to = direction > 0 ? above : below;
        System.arraycopy(from, 0, before, 0, n);
        System.arraycopy(to, 0, after, 0, n);
        crossings++;
        if (sliding < 0 && before[c] * direction > 0 && after[c] * direction < 0) {
            slides++;
            sliding = k;
            listener.switched(Switch.SLIDE_IN, c, before, after, direction, z);
            return;
        }
        sides[k] = direction;
        // The event is located just past the plane; keep the orbit there so that the detector
        // starts on the side now in force.
        z[c] = (reached - level[k]) * direction > 0 ? reached : level[k] + direction * LEAVING_OFFSET * Math.max(1, Math.abs(level[k]));
        listener.switched(Switch.CROSSING, c, before, after, direction, z);
    }

    /**
     * Both branches of plane {@code k} at {@code (t, y)}, into {@link #below} and {@link #above}:
     * scratch that every reader fills right before reading it.
     */
    private void branches(double t, double[] y, int k) {
        double kept = sides[k];
        sides[k] = -1;
        flow.derivativesOnSides(t, y, p, sides, below);
        sides[k] = 1;
        flow.derivativesOnSides(t, y, p, sides, above);
        sides[k] = kept;
    }

    /**
     * Watches one plane: off it, for the orbit reaching it; sliding on it, for one branch ceasing
     * to push into it ({@code min(below_c, -above_c)} turning negative).
     */
    private final class Detector implements ODEEventDetector, ODEEventHandler {
        private final int k;
        private final AdaptableInterval maxCheck;
        private final BracketedUnivariateSolver<UnivariateFunction> solver;

        Detector(int k, double maxCheck, double threshold) {
            this.k = k;
            this.maxCheck = AdaptableInterval.of(maxCheck);
            this.solver = new BracketingNthOrderBrentSolver(0, threshold, 0, 5);
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
            double[] y = s.getPrimaryState();
            int c = coordinate[k];
            if (sliding != k) {
                return y[c] - level[k];
            }
            branches(s.getTime(), y, k);
            return Math.min(below[c], -above[c]);
        }

        @Override
        public Action eventOccurred(ODEStateAndDerivative s, ODEEventDetector detector, boolean increasing) {
            fired = k;
            firedIncreasing = increasing;
            return Action.STOP;
        }
    }
}
