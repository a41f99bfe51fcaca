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

    private static final double REL_STEP = Math.cbrt(Math.ulp(1.0));

    private final SystemInfo info;
    private final Step step;
    private final Jacobian jacobian;

    /**
     * @param jacobian the analytic Jacobian, or null for a map that has none: {@link #jacobian} then
     *     answers central differences of the step
     */
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
        if (jacobian != null) {
            jacobian.apply(x, p, jac);
        } else {
            centralDifferences(x, p, jac);
        }
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return jacobian != null;
    }

    /**
     * Step {@code eps^(1/3) min(max(1, |x_j|), 100)}: balances truncation against rounding for about ten
     * correct digits. Allocates; maps are cheap enough that the Lyapunov loop does not notice.
     */
    private void centralDifferences(double[] x, double[] p, double[][] jac) {
        int n = x.length;
        double[] shifted = x.clone();
        double[] plus = new double[n];
        double[] minus = new double[n];
        for (int j = 0; j < n; j++) {
            double h = REL_STEP * Math.min(Math.max(1.0, Math.abs(x[j])), 100.0);
            shifted[j] = x[j] + h;
            step.apply(shifted, p, plus);
            shifted[j] = x[j] - h;
            step.apply(shifted, p, minus);
            shifted[j] = x[j];
            for (int i = 0; i < n; i++) {
                jac[i][j] = (plus[i] - minus[i]) / (2 * h);
            }
        }
    }

    @Override
    public String toString() {
        return "Map[" + name() + "]";
    }
}
