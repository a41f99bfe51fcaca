package io.chaoscast.dynamics.systems;

/** A discrete map given by its metadata and two lambdas. */
public class MapSystem implements DiscreteMap {

    /** The map {@code g(x; p)}. */
    @FunctionalInterface
    public interface Step {
        void apply(double[] x, double[] p, double[] out);
    }

    /** The analytic Jacobian of {@link Step}. */
    @FunctionalInterface
    public interface Jacobian {
        void apply(double[] x, double[] p, double[][] jac);
    }

    private final SystemInfo info;
    private final Step step;
    private final Jacobian jacobian;

    public MapSystem(SystemInfo info, Step step, Jacobian jacobian) {
        this.info = info;
        this.step = step;
        this.jacobian = jacobian;
    }

    @Override
    public SystemInfo info() {
        return info;
    }

    @Override
    public void next(double[] x, double[] p, double[] out) {
        step.apply(x, p, out);
    }

    @Override
    public void jacobian(double[] x, double[] p, double[][] jac) {
        jacobian.apply(x, p, jac);
    }

    @Override
    public String toString() {
        return "Map[" + name() + "]";
    }
}
