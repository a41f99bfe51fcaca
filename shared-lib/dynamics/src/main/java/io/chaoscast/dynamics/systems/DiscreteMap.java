package io.chaoscast.dynamics.systems;

/** A discrete-time map {@code x_{n+1} = g(x_n; p)}. */
public interface DiscreteMap extends ChaoticSystem {

    @Override
    default SystemKind kind() {
        return SystemKind.MAP;
    }

    /** Writes {@code g(x; p)} into {@code out}; {@code out} is never the same array as {@code x}. */
    void next(double[] x, double[] p, double[] out);

    /**
     * Writes the Jacobian {@code dg_i/dx_j} into {@code jac[i][j]}, every entry: analytic where
     * {@link #hasAnalyticJacobian()}, else by central differences of {@link #next}.
     */
    void jacobian(double[] x, double[] p, double[][] jac);

    /** Whether {@link #jacobian} is analytic rather than a finite-difference approximation. */
    default boolean hasAnalyticJacobian() {
        return true;
    }
}
