package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.MapSystem;
import java.util.List;

/**
 * One-dimensional maps of an interval.
 *
 * <p>Parameter names, default values, initial conditions, periods and citations follow dysts
 * (Gilpin 2021) so that users can move between the two; equations and descriptions are ours. Every
 * Jacobian is analytic; the catalog contract test checks it against finite differences.
 */
final class IntervalMaps {

    private IntervalMaps() {}

    static List<ChaoticSystem> systems() {
        return List.of(
                tent(),
                gauss(),
                ricker());
    }

    /** Piecewise linear: the derivative is that of the branch in force. */
    static MapSystem tent() {
        return new MapSystem(
                info(
                        "Tent",
                        params("mu", 0.95),
                        ic(0.51),
                        1,
                        "Devaney, Robert L. (1989). An Introduction to Chaotic Dynamical Systems. Addison-Wesley.",
                        "A piecewise-linear map of the unit interval with a single peak, topologically like the logistic map but with uniform stretching."),
                (st, par, next) -> {
                    double x = st[0];
                    double mu = par[0];
                    next[0] = -mu * (2 * Math.abs(x - 0.5) - 1);
                },
                (st, par, jac) -> {
                    double x = st[0];
                    double mu = par[0];
                    jac[0][0] = -2 * mu * Math.signum(x - 0.5);
                });
    }

    static MapSystem gauss() {
        return new MapSystem(
                info(
                        "Gauss",
                        params("a", 4.9, "b", -0.5),
                        ic(0.5),
                        1,
                        "Hilborn, Robert C. (2000). Chaos and Nonlinear Dynamics. Oxford University Press.",
                        "The Gaussian (mouse) map, a unimodal map with a Gaussian peak that shows period bubbling and chaos."),
                (st, par, next) -> {
                    double x = st[0];
                    double a = par[0], b = par[1];
                    next[0] = b + Math.exp(-a * (x * x));
                },
                (st, par, jac) -> {
                    double x = st[0];
                    double a = par[0];
                    jac[0][0] = -2 * a * x * Math.exp(-a * (x * x));
                });
    }

    static MapSystem ricker() {
        return new MapSystem(
                info(
                        "Ricker",
                        params("a", 3.3),
                        ic(0.51),
                        1,
                        "Ricker, William E. (1954). Stock and recruitment. Journal of the Fisheries Research Board of Canada 11.5 (1954): 559-623.",
                        "A fish stock-recruitment model in discrete generations, with overcompensating density dependence."),
                (st, par, next) -> {
                    double x = st[0];
                    double a = par[0];
                    next[0] = x * Math.exp(a - x);
                },
                (st, par, jac) -> {
                    double x = st[0];
                    double a = par[0];
                    jac[0][0] = (1 - x) * Math.exp(a - x);
                });
    }
}
