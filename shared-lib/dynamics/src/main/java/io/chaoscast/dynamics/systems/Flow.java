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
     * Writes the field of a forced branch: {@code sides[k]} (+1 or -1) says on which side of
     * {@link #switchingSurfaces()}{@code .get(k)} the right-hand side is taken, whatever side
     * {@code y} lies on. A smooth flow has no planes and answers {@link #derivatives}. An
     * event-driven integrator uses it to keep one smooth branch within a step and to form
     * Filippov's sliding field on a plane.
     */
    default void derivativesOnSides(double t, double[] y, double[] p, double[] sides, double[] dydt) {
        derivatives(t, y, p, dydt);
    }

    /**
     * Writes the analytic Jacobian {@code df_i/dy_j} into {@code jac[i][j]}; every entry must be
     * written (zeros included), since callers reuse the array.
     */
    void jacobian(double t, double[] y, double[] p, double[][] jac);

    /**
     * The Jacobian of the field of a forced branch (see {@link #derivativesOnSides}); a smooth flow
     * answers {@link #jacobian}.
     */
    default void jacobianOnSides(double t, double[] y, double[] p, double[] sides, double[][] jac) {
        jacobian(t, y, p, jac);
    }

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
     * {@link #jacobian} is then the Jacobian of the branch in force, {@link #derivativesOnSides}
     * must honour the sides it is given, trajectories are integrated event by event (crossing,
     * sliding along a plane where both branches push into it), and tangent-space methods apply a
     * saltation matrix where the trajectory crosses a plane.
     */
    default List<SwitchingSurface> switchingSurfaces() {
        return List.of();
    }
}
