package io.chaoscast.dynamics.systems;

import java.util.List;

/** A system of ordinary differential equations {@code dy/dt = f(t, y; p)}. */
public interface Flow extends ChaoticSystem {

    @Override
    default SystemKind kind() {
        return SystemKind.FLOW;
    }

    /** Writes {@code f(t, y; p)} into {@code dydt}. Must not allocate: it is the hot path. */
    void derivatives(double t, double[] y, double[] p, double[] dydt);

    /**
     * Writes the analytic Jacobian {@code df_i/dy_j} into {@code jac[i][j]}; every entry must be
     * written (zeros included), since callers reuse the array.
     */
    void jacobian(double t, double[] y, double[] p, double[][] jac);

    /**
     * Whether {@link #jacobian} is implemented. Lyapunov estimation falls back to central finite
     * differences of {@link #derivatives} for a flow that answers false (and says so in its method
     * string).
     */
    default boolean hasAnalyticJacobian() {
        return true;
    }

    /**
     * The planes across which {@link #derivatives} jumps; empty for a smooth flow (nearly all).
     * {@link #jacobian} is then the Jacobian of the branch in force, and tangent-space methods
     * apply a saltation matrix where the trajectory crosses a plane.
     */
    default List<SwitchingSurface> switchingSurfaces() {
        return List.of();
    }
}
