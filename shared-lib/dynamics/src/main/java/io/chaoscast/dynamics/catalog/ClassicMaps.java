package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.MapSystem;
import java.util.List;

/** Discrete maps. Names and parameters follow dysts' discrete_maps where dysts has them. */
final class ClassicMaps {

    private ClassicMaps() {}

    static List<ChaoticSystem> systems() {
        return List.of(henon(), logistic());
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
                (x, p, o) -> {
                    o[0] = 1 - p[0] * x[0] * x[0] + x[1];
                    o[1] = p[1] * x[0];
                },
                (x, p, j) -> {
                    j[0][0] = -2 * p[0] * x[0];
                    j[0][1] = 1;
                    j[1][0] = p[1];
                    j[1][1] = 0;
                });
    }

    static MapSystem logistic() {
        return new MapSystem(
                info(
                        "Logistic",
                        params("r", 3.9),
                        ic(0.11),
                        1,
                        "May, Robert M. (1976). Simple mathematical models with very complicated dynamics. Nature 261.5560 (1976): 459-467.",
                        "Population growth with crowding in discrete generations; the period-doubling route to chaos."),
                (x, p, o) -> o[0] = p[0] * x[0] * (1 - x[0]),
                (x, p, j) -> j[0][0] = p[0] * (1 - 2 * x[0]));
    }
}
