package io.chaoscast.dynamics.systems;

import java.util.List;

/**
 * A flow given by its metadata and two lambdas, so that a catalog entry is data plus equations,
 * not a new class.
 */
public class FlowSystem implements Flow {

    /** The right-hand side {@code f(t, y; p)}. */
    @FunctionalInterface
    public interface Equations {
        void apply(double t, double[] y, double[] p, double[] dydt);
    }

    /**
     * The right-hand side of a flow that jumps across planes: {@code sides} is null to take each
     * plane's side from {@code y} (the flow as published), or one +1/-1 per plane to force the
     * branch; read it through {@link SwitchingSurface#side}.
     */
    @FunctionalInterface
    public interface SwitchedEquations {
        void apply(double t, double[] y, double[] p, double[] sides, double[] dydt);
    }

    /** The analytic Jacobian of {@link SwitchedEquations}, with the same {@code sides}. */
    @FunctionalInterface
    public interface SwitchedJacobian {
        void apply(double t, double[] y, double[] p, double[] sides, double[][] jac);
    }

    /** The analytic Jacobian of {@link Equations}. */
    @FunctionalInterface
    public interface Jacobian {
        void apply(double t, double[] y, double[] p, double[][] jac);
    }

    private static final double REL_STEP = Math.cbrt(Math.ulp(1.0));

    private final SystemInfo info;
    private final Equations equations;
    private final SwitchedEquations switched;
    private final Jacobian jacobian;
    private final SwitchedJacobian switchedJacobian;
    private final List<SwitchingSurface> switchingSurfaces;

    /**
     * @param jacobian the analytic Jacobian, or null for a flow that has none: {@link #jacobian}
     *     then answers central differences, and Lyapunov estimation says so in its method string
     */
    public FlowSystem(SystemInfo info, Equations equations, Jacobian jacobian) {
        this(info, equations, null, jacobian, null, List.of());
    }

    /**
     * A flow whose right-hand side jumps across the given planes; {@code jacobian} is that of the
     * branch in force on either side.
     */
    public FlowSystem(
            SystemInfo info, SwitchedEquations equations, SwitchedJacobian jacobian, List<SwitchingSurface> switchingSurfaces) {
        this(
                info,
                (t, y, p, dydt) -> equations.apply(t, y, p, null, dydt),
                equations,
                jacobian == null ? null : (t, y, p, jac) -> jacobian.apply(t, y, p, null, jac),
                jacobian,
                switchingSurfaces);
        if (switchingSurfaces.isEmpty()) {
            throw new IllegalArgumentException(info.name() + ": switched equations without a switching plane");
        }
    }

    private FlowSystem(
            SystemInfo info,
            Equations equations,
            SwitchedEquations switched,
            Jacobian jacobian,
            SwitchedJacobian switchedJacobian,
            List<SwitchingSurface> switchingSurfaces) {
        this.info = info;
        this.equations = equations;
        this.switched = switched;
        this.jacobian = jacobian;
        this.switchedJacobian = switchedJacobian;
        this.switchingSurfaces = List.copyOf(switchingSurfaces);
        for (SwitchingSurface surface : this.switchingSurfaces) {
            if (surface.coordinate() >= info.initialCondition().length) {
                throw new IllegalArgumentException(
                        info.name() + ": switching plane " + surface + " outside the state of dimension " + info.initialCondition().length);
            }
        }
    }

    @Override
    public SystemInfo info() {
        return info;
    }

    @Override
    public void derivatives(double t, double[] y, double[] p, double[] dydt) {
        // The integrators' hot path: one direct call (a switched flow's equations take their sides
        // from y here).
        equations.apply(t, y, p, dydt);
    }

    @Override
    public void derivativesOnSides(double t, double[] y, double[] p, double[] sides, double[] dydt) {
        if (switched == null) {
            equations.apply(t, y, p, dydt);
        } else {
            switched.apply(t, y, p, sides, dydt);
        }
    }

    @Override
    public void jacobian(double t, double[] y, double[] p, double[][] jac) {
        if (jacobian != null) {
            jacobian.apply(t, y, p, jac);
        } else {
            centralDifferences(t, y, p, jac);
        }
    }

    @Override
    public void jacobianOnSides(double t, double[] y, double[] p, double[] sides, double[][] jac) {
        if (switchedJacobian != null) {
            switchedJacobian.apply(t, y, p, sides, jac);
        } else {
            jacobian(t, y, p, jac);
        }
    }

    /**
     * Step {@code eps^(1/3) min(max(1, |y_j|), 100)} (capped so that phase variables far from zero keep a small step): balances truncation against rounding for about ten
     * correct digits. Allocates; the Lyapunov estimator keeps its own allocation-free copy for the
     * hot loop.
     */
    private void centralDifferences(double t, double[] y, double[] p, double[][] jac) {
        int n = y.length;
        double[] shifted = y.clone();
        double[] plus = new double[n];
        double[] minus = new double[n];
        for (int j = 0; j < n; j++) {
            double h = REL_STEP * Math.min(Math.max(1.0, Math.abs(y[j])), 100.0);
            shifted[j] = y[j] + h;
            derivatives(t, shifted, p, plus);
            shifted[j] = y[j] - h;
            derivatives(t, shifted, p, minus);
            shifted[j] = y[j];
            for (int i = 0; i < n; i++) {
                jac[i][j] = (plus[i] - minus[i]) / (2 * h);
            }
        }
    }

    @Override
    public List<SwitchingSurface> switchingSurfaces() {
        return switchingSurfaces;
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return jacobian != null;
    }

    @Override
    public String toString() {
        return "Flow[" + name() + "]";
    }
}
