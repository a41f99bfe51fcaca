package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.MapSystem;
import java.util.List;

/**
 * The two maps every chaos course starts with.
 *
 * <p>Parameter names, default values, initial conditions, periods and citations follow dysts
 * (Gilpin 2021) so that users can move between the two; equations and descriptions are ours. Every
 * Jacobian is analytic; the catalog contract test checks it against finite differences.
 */
final class ClassicMaps {

    private ClassicMaps() {}

    static List<ChaoticSystem> systems() {
        return List.of(
                henon(),
                logistic());
    }

    static MapSystem henon() {
        return new MapSystem(
                info(
                        "Henon",
                        params("a", 1.4, "b", 0.3),
                        ic(1.21674097, 0.03536533),
                        1,
                        "Henon, Michel (1976). A two-dimensional mapping with a strange attractor. Communications in Mathematical Physics 50.1 (1976): 69-77.",
                        "A stretch-and-fold map of the plane that distils the Poincare section of the Lorenz flow."),
                (st, par, next) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1];
                    next[0] = -a * (x * x) + y + 1;
                    next[1] = b * x;
                },
                (st, par, jac) -> {
                    double x = st[0];
                    double a = par[0], b = par[1];
                    jac[0][0] = -2 * a * x;
                    jac[0][1] = 1;
                    jac[1][0] = b;
                    jac[1][1] = 0;
                });
    }

    static MapSystem logistic() {
        return new MapSystem(
                info(
                        "Logistic",
                        params("r", 3.9),
                        ic(0.51),
                        1,
                        "May, Robert M. (1976). Simple mathematical models with very complicated dynamics. Nature 261.5560 (1976): 459-467.",
                        "Population growth with crowding in discrete generations; the period-doubling route to chaos."),
                (st, par, next) -> {
                    double x = st[0];
                    double r = par[0];
                    next[0] = -r * x * (x - 1);
                },
                (st, par, jac) -> {
                    double x = st[0];
                    double r = par[0];
                    jac[0][0] = -r * (2 * x - 1);
                });
    }
}
