package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.FlowSystem;
import java.util.List;

/**
 * Four-dimensional flows, most of them hyperchaotic (two positive Lyapunov exponents), and the
 * Lorenz-96 ring whose dimension is a parameter.
 *
 * <p>Parameter names, default values, initial conditions, periods and citations follow dysts
 * (Gilpin 2021) so that users can move between the two; equations and descriptions are ours. Every
 * Jacobian is analytic; the catalog contract test checks it against finite differences.
 */
final class HyperchaoticFlows {

    private HyperchaoticFlows() {}

    static List<ChaoticSystem> systems() {
        return List.of(
                lorenzStenflo(),
                hyperRossler(),
                hyperLorenz(),
                hyperLu(),
                hyperJha(),
                hyperPang(),
                hyperWang(),
                hyperXu(),
                hyperYan(),
                hyperBao(),
                hyperCai(),
                hyperQi(),
                qi(),
                Lorenz96.create());
    }

    static FlowSystem lorenzStenflo() {
        return new FlowSystem(
                info(
                        "LorenzStenflo",
                        params("a", 2, "b", 0.7, "c", 26, "d", 1.5),
                        ic(4.233438598886809, 9.08970605484108, 21.86662535600487, -1.4080695182833802),
                        3.8877142857142855,
                        "Letellier & Rossler (2007). Hyperchaos. Scholarpedia 2.8 (2007): 1936.",
                        "Lorenz equations extended by a fourth mode for acoustic-gravity waves in a rotating atmosphere."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    out[0] = -a * (x - y) + d * w;
                    out[1] = c * x - x * z - y;
                    out[2] = -b * z + x * y;
                    out[3] = -a * w - x;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double k0 = -a;
                    jac[0][0] = k0;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[0][3] = d;
                    jac[1][0] = c - z;
                    jac[1][1] = -1;
                    jac[1][2] = -x;
                    jac[1][3] = 0;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -b;
                    jac[2][3] = 0;
                    jac[3][0] = -1;
                    jac[3][1] = 0;
                    jac[3][2] = 0;
                    jac[3][3] = k0;
                });
    }

    static FlowSystem hyperRossler() {
        return new FlowSystem(
                info(
                        "HyperRossler",
                        params("a", 0.25, "b", 3.0, "c", 0.5, "d", 0.05),
                        ic(-93.667697, 15.5078, 0.032086964, 43.792796),
                        1.1157476694793766,
                        "Rossler, O. E. (1979). An equation for hyperchaos.",
                        "Rossler's four-dimensional extension of his spiral flow, the first known hyperchaotic system, with two positive exponents."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    out[0] = -y - z;
                    out[1] = a * y + w + x;
                    out[2] = b + x * z;
                    out[3] = -c * z + d * w;
                },
                (t, st, par, jac) -> {
                    double x = st[0], z = st[2];
                    double a = par[0], c = par[2], d = par[3];
                    jac[0][0] = 0;
                    jac[0][1] = -1;
                    jac[0][2] = -1;
                    jac[0][3] = 0;
                    jac[1][0] = 1;
                    jac[1][1] = a;
                    jac[1][2] = 0;
                    jac[1][3] = 1;
                    jac[2][0] = z;
                    jac[2][1] = 0;
                    jac[2][2] = x;
                    jac[2][3] = 0;
                    jac[3][0] = 0;
                    jac[3][1] = 0;
                    jac[3][2] = -c;
                    jac[3][3] = d;
                });
    }

    static FlowSystem hyperLorenz() {
        return new FlowSystem(
                info(
                        "HyperLorenz",
                        params("a", 10, "b", 2.667, "c", 28, "d", 1.1),
                        ic(-9.186073735061425, -0.6744570634419695, 16.440536886214517, -145.0243848950473),
                        1.277546730110058,
                        "Jurgen Meier (2003). Presentation of Attractors with Cinema.",
                        "The Lorenz equations with a fourth state fed back linearly into the first, making the flow hyperchaotic."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double k0 = x * z;
                    out[0] = -a * (x - y) + w;
                    out[1] = c * x - k0 - y;
                    out[2] = -b * z + x * y;
                    out[3] = d * w - k0;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double k0 = -z;
                    double k1 = -x;
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[0][3] = 1;
                    jac[1][0] = c + k0;
                    jac[1][1] = -1;
                    jac[1][2] = k1;
                    jac[1][3] = 0;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -b;
                    jac[2][3] = 0;
                    jac[3][0] = k0;
                    jac[3][1] = 0;
                    jac[3][2] = k1;
                    jac[3][3] = d;
                });
    }

    static FlowSystem hyperLu() {
        return new FlowSystem(
                info(
                        "HyperLu",
                        params("a", 36, "b", 3, "c", 20, "d", 1.3),
                        ic(8.11348619, 10.55664382, 18.44590719, -28.38151717),
                        0.7162856981996777,
                        "Chen, A., Lu, J., Lu, J., & Yu, S. (2006). Generating hyperchaotic Lu attractor via state feedback control. Physica A: Statistical Mechanics and its Applications, 364, 103-110.",
                        "The Lu system extended by a state-feedback controller into a hyperchaotic flow."
                                + " At dysts' d = 1.3 the feedback state w is self-amplifying (dw/dt = 1.3 w + x z): the orbit"
                                + " follows the attractor for a few hundred time units, long enough for dysts' statistics and"
                                + " for datasets of ordinary length, and then escapes to infinity, so it has no Lyapunov"
                                + " exponents. Chen et al. report hyperchaos for -1.03 <= d <= -0.46; from dysts' state our"
                                + " runs there settle on periodic orbits, so the default stays dysts'."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double k0 = x * z;
                    out[0] = -a * (x - y) + w;
                    out[1] = c * y - k0;
                    out[2] = -b * z + x * y;
                    out[3] = d * w + k0;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[0][3] = 1;
                    jac[1][0] = -z;
                    jac[1][1] = c;
                    jac[1][2] = -x;
                    jac[1][3] = 0;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -b;
                    jac[2][3] = 0;
                    jac[3][0] = z;
                    jac[3][1] = 0;
                    jac[3][2] = x;
                    jac[3][3] = d;
                });
    }

    static FlowSystem hyperJha() {
        return new FlowSystem(
                info(
                        "HyperJha",
                        params("a", 10, "b", 28, "c", 2.667, "d", 1.3),
                        ic(13.76544888070825, 20.203791990082554, 32.08179795423583, -51.189321449994914),
                        0.8564467295817622,
                        "Jurgen Meier (2003). Presentation of Attractors with Cinema.",
                        "A hyperchaotic Lorenz variant with the fourth variable driven by the x z product."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double k0 = x * z;
                    out[0] = -a * (x - y) + w;
                    out[1] = b * x - k0 - y;
                    out[2] = -c * z + x * y;
                    out[3] = d * w - k0;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double k0 = -z;
                    double k1 = -x;
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[0][3] = 1;
                    jac[1][0] = b + k0;
                    jac[1][1] = -1;
                    jac[1][2] = k1;
                    jac[1][3] = 0;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -c;
                    jac[2][3] = 0;
                    jac[3][0] = k0;
                    jac[3][1] = 0;
                    jac[3][2] = k1;
                    jac[3][3] = d;
                });
    }

    static FlowSystem hyperPang() {
        return new FlowSystem(
                info(
                        "HyperPang",
                        params("a", 36, "b", 3, "c", 20, "d", 2),
                        ic(8.40863585, 4.67210241, 27.91032548, -1.26300886),
                        0.8439374360017028,
                        "Pang, S., & Liu, Y. (2011). A new hyperchaotic system from the Lu system and its control. Journal of Computational and Applied Mathematics, 235(8), 2775-2789.",
                        "A Lu-type hyperchaotic flow with a fourth variable that integrates the sum of the first two."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    out[0] = -a * (x - y);
                    out[1] = c * y + w - x * z;
                    out[2] = -b * z + x * y;
                    out[3] = -d * (x + y);
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double k0 = -d;
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[0][3] = 0;
                    jac[1][0] = -z;
                    jac[1][1] = c;
                    jac[1][2] = -x;
                    jac[1][3] = 1;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -b;
                    jac[2][3] = 0;
                    jac[3][0] = k0;
                    jac[3][1] = k0;
                    jac[3][2] = 0;
                    jac[3][3] = 0;
                });
    }

    static FlowSystem hyperWang() {
        return new FlowSystem(
                info(
                        "HyperWang",
                        params("a", 10, "b", 40, "c", 2.5, "d", 10.6, "e", 4),
                        ic(0.16824907, 0.16854103, 37.04033781, -15.29027381),
                        0.6481520567576332,
                        "Wang, Z., Sun, Y., van Wyk, B. J., Qi, G. & van Wyk, M. A (2009). A 3-D four-wing attractor and its analysis. Brazilian J. Phys. 39.",
                        "A Lorenz-like hyperchaotic flow with a squared driving term in the third equation."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4];
                    out[0] = -a * (x - y);
                    out[1] = b * x + w - x * z;
                    out[2] = -c * z + e * (x * x);
                    out[3] = -d * x;
                },
                (t, st, par, jac) -> {
                    double x = st[0], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4];
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[0][3] = 0;
                    jac[1][0] = b - z;
                    jac[1][1] = 0;
                    jac[1][2] = -x;
                    jac[1][3] = 1;
                    jac[2][0] = 2 * e * x;
                    jac[2][1] = 0;
                    jac[2][2] = -c;
                    jac[2][3] = 0;
                    jac[3][0] = -d;
                    jac[3][1] = 0;
                    jac[3][2] = 0;
                    jac[3][3] = 0;
                });
    }

    static FlowSystem hyperXu() {
        return new FlowSystem(
                info(
                        "HyperXu",
                        params("a", 10, "b", 40, "c", 2.5, "d", 2, "e", 16),
                        ic(0.68944486, -0.60254126, -0.5814657, 0.26629277),
                        1.1328151255687646,
                        "Letellier & Rossler (2007). Hyperchaos. Scholarpedia 2.8 (2007): 1936.",
                        "A four-dimensional quadratic flow with two positive Lyapunov exponents."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4];
                    out[0] = -a * (x - y) + w;
                    out[1] = x * (b + e * z);
                    out[2] = -c * z - x * y;
                    out[3] = -d * y + x * z;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4];
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[0][3] = 1;
                    jac[1][0] = b + e * z;
                    jac[1][1] = 0;
                    jac[1][2] = e * x;
                    jac[1][3] = 0;
                    jac[2][0] = -y;
                    jac[2][1] = -x;
                    jac[2][2] = -c;
                    jac[2][3] = 0;
                    jac[3][0] = z;
                    jac[3][1] = -d;
                    jac[3][2] = x;
                    jac[3][3] = 0;
                });
    }

    static FlowSystem hyperYan() {
        return new FlowSystem(
                info(
                        "HyperYan",
                        params("a", 37, "b", 3, "c", 26, "d", 38),
                        ic(-6.576620730899293, -4.617145437320736, 17.796515255115004, 0.8072357311545831),
                        0.9127028626966961,
                        "Jurgen Meier (2003). Presentation of Attractors with Cinema.",
                        "A Chen-type hyperchaotic flow with extra cross terms between all of the last three variables."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double k0 = x * z;
                    double k1 = y * z;
                    out[0] = -a * (x - y);
                    out[1] = c * y - k0 - x * (a - c);
                    out[2] = -b * z + k0 - k1 - w + x * y;
                    out[3] = -d * w - k0 + k1;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double k0 = -x;
                    double k1 = -z;
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[0][3] = 0;
                    jac[1][0] = -a + c - z;
                    jac[1][1] = c;
                    jac[1][2] = k0;
                    jac[1][3] = 0;
                    jac[2][0] = y + z;
                    jac[2][1] = k1 + x;
                    jac[2][2] = -b - k0 - y;
                    jac[2][3] = -1;
                    jac[3][0] = k1;
                    jac[3][1] = z;
                    jac[3][2] = -x + y;
                    jac[3][3] = -d;
                });
    }

    static FlowSystem hyperBao() {
        return new FlowSystem(
                info(
                        "HyperBao",
                        params("a", 36, "b", 3, "c", 20, "d", 0.1, "e", 21),
                        ic(9.271308063781017, 9.752247178805291, 23.919154915696105, -16.69675939965203),
                        0.5831505997603473,
                        "Bao, Liu  (2008). A hyperchaotic attractor coined from the chaotic Lu system. Chin. Physics Letters, Vol. 25, pp 2396-2399.",
                        "A hyperchaotic extension of the Lu system with a nonlinear feedback controller."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4];
                    out[0] = -a * (x - y) + w;
                    out[1] = c * y - x * z;
                    out[2] = -b * z + x * y;
                    out[3] = d * y * z + e * x;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4];
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[0][3] = 1;
                    jac[1][0] = -z;
                    jac[1][1] = c;
                    jac[1][2] = -x;
                    jac[1][3] = 0;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -b;
                    jac[2][3] = 0;
                    jac[3][0] = e;
                    jac[3][1] = d * z;
                    jac[3][2] = d * y;
                    jac[3][3] = 0;
                });
    }

    static FlowSystem hyperCai() {
        return new FlowSystem(
                info(
                        "HyperCai",
                        params("a", 27.5, "b", 3, "c", 19.3, "d", 2.9, "e", 3.3),
                        ic(-10.691273602120157, -15.541159376570342, 18.388272900250726, -14.904493939514888),
                        0.6113936187028436,
                        "Guoliang, Huang (2007). A New Finance Chaotic Attractor. International Journal of Nonlinear Science.",
                        "A hyperchaotic flow built from a Lorenz-like system by linear state feedback."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4];
                    out[0] = -a * (x - y);
                    out[1] = b * x + c * y + w - x * z;
                    out[2] = -d * z + (y * y);
                    out[3] = -e * x;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4];
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[0][3] = 0;
                    jac[1][0] = b - z;
                    jac[1][1] = c;
                    jac[1][2] = -x;
                    jac[1][3] = 1;
                    jac[2][0] = 0;
                    jac[2][1] = 2 * y;
                    jac[2][2] = -d;
                    jac[2][3] = 0;
                    jac[3][0] = -e;
                    jac[3][1] = 0;
                    jac[3][2] = 0;
                    jac[3][3] = 0;
                });
    }

    static FlowSystem hyperQi() {
        return new FlowSystem(
                info(
                        "HyperQi",
                        params("a", 50, "b", 24, "c", 13, "d", 8, "e", 33, "f", 30),
                        ic(11.250900857894639, -3.647077762541555, 50.16987924937642, -168.2485185683687),
                        0.06186038560173437,
                        "G. Qi, M. A. van Wyk, B. J. van Wyk, and G. Chen, (2008). On a new hyperchaotic system. Physics Letters A.",
                        "A four-wing hyperchaotic flow with a very broad power spectrum."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4], f = par[5];
                    out[0] = -a * (x - y) + y * z;
                    out[1] = b * (x + y) - x * z;
                    out[2] = -c * z - e * w + x * y;
                    out[3] = -d * w + f * z + x * y;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4], f = par[5];
                    jac[0][0] = -a;
                    jac[0][1] = a + z;
                    jac[0][2] = y;
                    jac[0][3] = 0;
                    jac[1][0] = b - z;
                    jac[1][1] = b;
                    jac[1][2] = -x;
                    jac[1][3] = 0;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -c;
                    jac[2][3] = -e;
                    jac[3][0] = y;
                    jac[3][1] = x;
                    jac[3][2] = f;
                    jac[3][3] = -d;
                });
    }

    static FlowSystem qi() {
        return new FlowSystem(
                info(
                        "Qi",
                        params("a", 45, "b", 10, "c", 1, "d", 10),
                        ic(0.2562042648386667, 0.1956116640569919, 7.259823760387948, 1.3162558970131963),
                        0.40820999999999996,
                        "G. Qi, M. A. van Wyk, B. J. van Wyk, and G. Chen, (2008). On a new hyperchaotic system. Physics Letters A.",
                        "A four-dimensional flow with cubic cross-product terms, producing four-wing chaotic attractors."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    out[0] = -a * (x - y) + w * y * z;
                    out[1] = b * (x + y) - w * x * z;
                    out[2] = -c * z + w * x * y;
                    out[3] = -d * w + x * y * z;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double k0 = w * z;
                    double k1 = w * y;
                    double k2 = y * z;
                    double k3 = w * x;
                    double k4 = x * z;
                    double k5 = x * y;
                    jac[0][0] = -a;
                    jac[0][1] = a + k0;
                    jac[0][2] = k1;
                    jac[0][3] = k2;
                    jac[1][0] = b - k0;
                    jac[1][1] = b;
                    jac[1][2] = -k3;
                    jac[1][3] = -k4;
                    jac[2][0] = k1;
                    jac[2][1] = k3;
                    jac[2][2] = -c;
                    jac[2][3] = k5;
                    jac[3][0] = k2;
                    jac[3][1] = k4;
                    jac[3][2] = k5;
                    jac[3][3] = -d;
                });
    }
}
