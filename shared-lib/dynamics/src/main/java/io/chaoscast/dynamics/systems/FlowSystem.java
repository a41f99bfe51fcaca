package io.chaoscast.dynamics.systems;

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

    /** The analytic Jacobian of {@link Equations}. */
    @FunctionalInterface
    public interface Jacobian {
        void apply(double t, double[] y, double[] p, double[][] jac);
    }

    private final SystemInfo info;
    private final Equations equations;
    private final Jacobian jacobian;

    /**
     * @param jacobian the analytic Jacobian, or null for a flow that has none (Lyapunov estimation
     *     then uses finite differences)
     */
    public FlowSystem(SystemInfo info, Equations equations, Jacobian jacobian) {
        this.info = info;
        this.equations = equations;
        this.jacobian = jacobian;
    }

    @Override
    public SystemInfo info() {
        return info;
    }

    @Override
    public void derivatives(double t, double[] y, double[] p, double[] dydt) {
        equations.apply(t, y, p, dydt);
    }

    @Override
    public void jacobian(double t, double[] y, double[] p, double[][] jac) {
        if (jacobian == null) {
            throw new UnsupportedOperationException(name() + " has no analytic Jacobian");
        }
        jacobian.apply(t, y, p, jac);
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
