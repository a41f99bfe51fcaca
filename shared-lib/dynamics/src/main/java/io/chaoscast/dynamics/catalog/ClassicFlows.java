package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.FlowSystem;
import java.util.List;

/**
 * The classic three-dimensional flows. Parameter names, default values, initial conditions and
 * periods follow dysts (Gilpin 2021) so that users can move between the two.
 */
final class ClassicFlows {

    private ClassicFlows() {}

    static List<ChaoticSystem> systems() {
        return List.of(lorenz(), rossler());
    }

    static FlowSystem lorenz() {
        return new FlowSystem(
                info(
                        "Lorenz",
                        params("beta", 2.667, "rho", 28, "sigma", 10),
                        ic(-9.7869288, -15.03852, 20.533978),
                        1.5008,
                        "Lorenz, Edward N (1963). Deterministic nonperiodic flow. Journal of the Atmospheric Sciences 20.2 (1963): 130-141.",
                        "Three-mode truncation of Rayleigh-Benard convection: the butterfly attractor that started the study of chaos."),
                (t, y, p, d) -> {
                    double beta = p[0], rho = p[1], sigma = p[2];
                    d[0] = sigma * (y[1] - y[0]);
                    d[1] = y[0] * (rho - y[2]) - y[1];
                    d[2] = y[0] * y[1] - beta * y[2];
                },
                (t, y, p, j) -> {
                    double beta = p[0], rho = p[1], sigma = p[2];
                    j[0][0] = -sigma;
                    j[0][1] = sigma;
                    j[0][2] = 0;
                    j[1][0] = rho - y[2];
                    j[1][1] = -1;
                    j[1][2] = -y[0];
                    j[2][0] = y[1];
                    j[2][1] = y[0];
                    j[2][2] = -beta;
                });
    }

    static FlowSystem rossler() {
        return new FlowSystem(
                info(
                        "Rossler",
                        params("a", 0.2, "b", 0.2, "c", 5.7),
                        ic(6.5134412, 0.4772013, 0.34164294),
                        6.0733,
                        "Rossler, Otto E. (1976). An equation for continuous chaos. Physics Letters A 57.5 (1976): 397-398.",
                        "A minimal spiral-type chaotic flow with a single quadratic term, folding a band of orbits back onto itself."),
                (t, y, p, d) -> {
                    double a = p[0], b = p[1], c = p[2];
                    d[0] = -y[1] - y[2];
                    d[1] = y[0] + a * y[1];
                    d[2] = b + y[2] * (y[0] - c);
                },
                (t, y, p, j) -> {
                    double a = p[0], c = p[2];
                    j[0][0] = 0;
                    j[0][1] = -1;
                    j[0][2] = -1;
                    j[1][0] = 1;
                    j[1][1] = a;
                    j[1][2] = 0;
                    j[2][0] = y[2];
                    j[2][1] = 0;
                    j[2][2] = y[0] - c;
                });
    }
}
