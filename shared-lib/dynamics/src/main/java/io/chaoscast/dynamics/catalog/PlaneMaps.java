package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.MapSystem;
import java.util.List;

/**
 * Maps of the plane. Names, parameters and initial conditions follow dysts' discrete maps where
 * dysts has the map; Lozi, which dysts lacks, uses the standard parameters of Lozi (1978).
 *
 * <p>Parameter names, default values, initial conditions, periods and citations follow dysts
 * (Gilpin 2021) so that users can move between the two; equations and descriptions are ours. Every
 * Jacobian is analytic; the catalog contract test checks it against finite differences.
 */
final class PlaneMaps {

    private PlaneMaps() {}

    static List<ChaoticSystem> systems() {
        return List.of(
                lozi(),
                ikeda(),
                tinkerbell(),
                chirikov(),
                gingerbreadman(),
                duffingMap(),
                kaplanYorke(),
                deJong());
    }

    /** Piecewise linear: the Jacobian is that of the branch in force (sign(x)). */
    static MapSystem lozi() {
        return new MapSystem(
                info(
                        "Lozi",
                        params("a", 1.7, "b", 0.5),
                        ic(0.2710026876716087, -0.3483579687472969),
                        1,
                        "Lozi, Rene (1978). Un attracteur etrange (?) du type attracteur de Henon. Journal de Physique Colloques 39.C5 (1978): C5-9.",
                        "A piecewise-linear cousin of the Henon map whose strange attractor can be proved to exist."),
                (st, par, next) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1];
                    next[0] = -a * Math.abs(x) + y + 1;
                    next[1] = b * x;
                },
                (st, par, jac) -> {
                    double x = st[0];
                    double a = par[0], b = par[1];
                    jac[0][0] = -a * Math.signum(x);
                    jac[0][1] = 1;
                    jac[1][0] = b;
                    jac[1][1] = 0;
                });
    }

    static MapSystem ikeda() {
        return new MapSystem(
                info(
                        "Ikeda",
                        params("u", 0.9),
                        ic(0.9, 0.55524451),
                        1,
                        "Ikeda, Kensuke (1979). Multiple-valued stationary state and its instability of the transmitted light by a ring cavity system. Optics Communications 30.2 (1979): 257-261.",
                        "Light circulating in a nonlinear optical ring cavity: each round trip rotates the field by an intensity-dependent angle and damps it."),
                (st, par, next) -> {
                    double x = st[0], y = st[1];
                    double u = par[0];
                    double k0 = 0.4 - 6 / ((x * x) + (y * y) + 1);
                    double k1 = Math.cos(k0);
                    double k2 = Math.sin(k0);
                    next[0] = u * (k1 * x - k2 * y) + 1;
                    next[1] = u * (k1 * y + k2 * x);
                },
                (st, par, jac) -> {
                    double x = st[0], y = st[1];
                    double u = par[0];
                    double k0 = (x * x);
                    double k1 = (y * y);
                    double k2 = k0 + k1 + 1;
                    double k3 = 0.4 - 6 / k2;
                    double k4 = Math.cos(k3);
                    double k5 = 12 / (k2 * k2);
                    double k6 = k5 * x * y;
                    double k7 = k4 * k6;
                    double k8 = Math.sin(k3);
                    double k9 = k0 * k5;
                    double k10 = k6 * k8;
                    double k11 = k1 * k5;
                    jac[0][0] = -u * (-k4 + k7 + k8 * k9);
                    jac[0][1] = -u * (k10 + k11 * k4 + k8);
                    jac[1][0] = u * (-k10 + k4 * k9 + k8);
                    jac[1][1] = u * (-k11 * k8 + k4 + k7);
                });
    }

    static MapSystem tinkerbell() {
        return new MapSystem(
                info(
                        "Tinkerbell",
                        params("a", 0.9, "b", -0.6013, "c", 2.0, "d", 0.5),
                        ic(0.13738266, -0.0308518),
                        1,
                        "Nusse, Helena E. and Yorke, James A. (1994). Dynamics: Numerical Explorations. Springer.",
                        "A quadratic map of the plane, named for the shape of its attractor."),
                (st, par, next) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    next[0] = a * x + b * y + (x * x) - (y * y);
                    next[1] = c * x + d * y + 2 * x * y;
                },
                (st, par, jac) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double k0 = 2 * x;
                    double k1 = 2 * y;
                    jac[0][0] = a + k0;
                    jac[0][1] = b - k1;
                    jac[1][0] = c + k1;
                    jac[1][1] = d + k0;
                });
    }

    /** Area preserving. Unlike dysts, both coordinates are reduced to [-pi, pi) after each step, so that orbits in the chaotic sea stay bounded (unreduced, x drifts without bound); the Jacobian is that of the unreduced map, which the reduction does not change. */
    static MapSystem chirikov() {
        return new MapSystem(
                info(
                        "Chirikov",
                        params("k", 0.971635),
                        ic(0.1, 0.1),
                        1,
                        "B. V. Chirikov, Research concerning the theory of nonlinear resonance and stochasticity. (1979).",
                        "The standard map: a periodically kicked rotor, the model of the transition to global chaos in area-preserving dynamics."),
                (st, par, next) -> {
                    double p = st[0] + par[0] * Math.sin(st[1]);
                    next[0] = wrap(p);
                    next[1] = wrap(st[1] + p);
                },
                (st, par, jac) -> {
                    double kc = par[0] * Math.cos(st[1]);
                    jac[0][0] = 1;
                    jac[0][1] = kc;
                    jac[1][0] = 1;
                    jac[1][1] = 1 + kc;
                });
    }

    /** Piecewise linear: the Jacobian is that of the branch in force (sign(x)). */
    static MapSystem gingerbreadman() {
        return new MapSystem(
                info(
                        "Gingerbreadman",
                        params(),
                        ic(0.51, 0.1),
                        1,
                        "Devaney, Robert L. (1984). A piecewise linear model for the zones of instability of an area-preserving map. Physica D 10.3 (1984): 387-393.",
                        "A piecewise-linear area-preserving map whose chaotic region looks like a gingerbread man."),
                (st, par, next) -> {
                    double x = st[0], y = st[1];
                    next[0] = -y + Math.abs(x) + 1;
                    next[1] = x;
                },
                (st, par, jac) -> {
                    double x = st[0];
                    jac[0][0] = Math.signum(x);
                    jac[0][1] = -1;
                    jac[1][0] = 1;
                    jac[1][1] = 0;
                });
    }

    static MapSystem duffingMap() {
        return new MapSystem(
                info(
                        "DuffingMap",
                        params("a", 2.75, "b", 0.2),
                        ic(0.51, 0.1),
                        1,
                        "Holmes, Philip (1979). A nonlinear oscillator with a strange attractor. Philosophical Transactions of the Royal Society A 292.1394 (1979): 419-448.",
                        "A discrete analogue of the Duffing oscillator, a planar map with a cubic restoring term. Named DuffingMap to keep it apart from the Duffing flow."),
                (st, par, next) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1];
                    next[0] = y;
                    next[1] = a * y - b * x - (y * y * y);
                },
                (st, par, jac) -> {
                    double y = st[1];
                    double a = par[0], b = par[1];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[1][0] = -b;
                    jac[1][1] = a - 3 * (y * y);
                });
    }

    /** The doubling is taken modulo 0.99999995 instead of 1, as in dysts, because in binary floating point x -> 2x mod 1 reaches 0 exactly after about 53 steps. */
    static MapSystem kaplanYorke() {
        return new MapSystem(
                info(
                        "KaplanYorke",
                        params("alpha", 0.2),
                        ic(0.2, 0.2),
                        1,
                        "J.L. Kaplan, J.A. Yorke (1979).Functional Differential Equations and Approximations of Fixed Points",
                        "A doubling map driving a damped coordinate through a cosine, a standard test of the Kaplan-Yorke dimension."),
                (st, par, next) -> {
                    // 0.99999995, not 1: see the note above.
                    next[0] = (2 * st[0]) % 0.99999995;
                    next[1] = par[0] * st[1] + Math.cos(4 * Math.PI * st[0]);
                },
                (st, par, jac) -> {
                    jac[0][0] = 2;
                    jac[0][1] = 0;
                    jac[1][0] = -4 * Math.PI * Math.sin(4 * Math.PI * st[0]);
                    jac[1][1] = par[0];
                });
    }

    static MapSystem deJong() {
        return new MapSystem(
                info(
                        "DeJong",
                        params("a", 1.641, "b", 1.902, "c", 0.316, "d", 1.525),
                        ic(1.78166133, -1.15791549),
                        1,
                        "Peter de Jong, as catalogued by Bourke, Paul. Peter de Jong attractors. https://paulbourke.net/fractals/peterdejong/",
                        "A trigonometric map of the plane popularised by Peter de Jong, whose attractors look like brush strokes."),
                (st, par, next) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    next[0] = Math.sin(a * y) - Math.cos(b * x);
                    next[1] = Math.sin(c * x) - Math.cos(d * y);
                },
                (st, par, jac) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    jac[0][0] = b * Math.sin(b * x);
                    jac[0][1] = a * Math.cos(a * y);
                    jac[1][0] = c * Math.cos(c * x);
                    jac[1][1] = d * Math.sin(d * y);
                });
    }

    /** Reduces an angle to [-pi, pi). */
    static double wrap(double v) {
        return v - 2 * Math.PI * Math.floor((v + Math.PI) / (2 * Math.PI));
    }
}
