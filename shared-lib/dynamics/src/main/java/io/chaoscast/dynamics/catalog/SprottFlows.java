package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.FlowSystem;
import io.chaoscast.dynamics.systems.SwitchingSurface;
import java.util.List;

/**
 * Sprott's algebraically simplest chaotic flows (cases A to S of his 1994 search) and his later
 * jerk, torus and switching examples.
 *
 * <p>Parameter names, default values, initial conditions, periods and citations follow dysts
 * (Gilpin 2021) so that users can move between the two; equations and descriptions are ours. Every
 * Jacobian is analytic; the catalog contract test checks it against finite differences.
 */
final class SprottFlows {

    private SprottFlows() {}

    static List<ChaoticSystem> systems() {
        return List.of(
                sprottA(),
                sprottB(),
                sprottC(),
                sprottD(),
                sprottE(),
                sprottF(),
                sprottG(),
                sprottH(),
                sprottI(),
                sprottJ(),
                sprottK(),
                sprottL(),
                sprottM(),
                sprottN(),
                sprottO(),
                sprottP(),
                sprottQ(),
                sprottR(),
                sprottS(),
                sprottJerk(),
                sprottTorus(),
                sprottMore());
    }

    static FlowSystem sprottA() {
        return new FlowSystem(
                info(
                        "SprottA",
                        params(),
                        ic(1.54131864, 1.43079727, -1.52555412),
                        6.3728461538461545,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case A: the simplest conservative member of his family of quadratic flows, equal to Nose-Hoover with a = 1."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    out[0] = y;
                    out[1] = -x + y * z;
                    out[2] = 1 - (y * y);
                },
                (t, st, par, jac) -> {
                    double y = st[1], z = st[2];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = -1;
                    jac[1][1] = z;
                    jac[1][2] = y;
                    jac[2][0] = 0;
                    jac[2][1] = -2 * y;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem sprottB() {
        return new FlowSystem(
                info(
                        "SprottB",
                        params(),
                        ic(1.6878282, 1.4848132, -0.53706628),
                        11.050142857142857,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case B: a dissipative quadratic flow with two nonlinear terms."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    out[0] = y * z;
                    out[1] = x - y;
                    out[2] = -x * y + 1;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    jac[0][0] = 0;
                    jac[0][1] = z;
                    jac[0][2] = y;
                    jac[1][0] = 1;
                    jac[1][1] = -1;
                    jac[1][2] = 0;
                    jac[2][0] = -y;
                    jac[2][1] = -x;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem sprottC() {
        return new FlowSystem(
                info(
                        "SprottC",
                        params(),
                        ic(-0.47199823, -0.27198066, 1.9418244),
                        8.8852,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case C: like case B but with a square in the last equation."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    out[0] = y * z;
                    out[1] = x - y;
                    out[2] = 1 - (x * x);
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    jac[0][0] = 0;
                    jac[0][1] = z;
                    jac[0][2] = y;
                    jac[1][0] = 1;
                    jac[1][1] = -1;
                    jac[1][2] = 0;
                    jac[2][0] = -2 * x;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem sprottD() {
        return new FlowSystem(
                info(
                        "SprottD",
                        params(),
                        ic(-1.3396906, -0.21238338, 0.32982163),
                        4.8333,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case D: a quadratic flow with five terms and two nonlinearities."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    out[0] = -y;
                    out[1] = x + z;
                    out[2] = x * z + 3 * (y * y);
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    jac[0][0] = 0;
                    jac[0][1] = -1;
                    jac[0][2] = 0;
                    jac[1][0] = 1;
                    jac[1][1] = 0;
                    jac[1][2] = 1;
                    jac[2][0] = z;
                    jac[2][1] = 6 * y;
                    jac[2][2] = x;
                });
    }

    static FlowSystem sprottE() {
        return new FlowSystem(
                info(
                        "SprottE",
                        params(),
                        ic(0.6173759, 0.66599285, -1.6575023),
                        7.6275,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case E: a quadratic flow with a single linear drive of the last variable."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    out[0] = y * z;
                    out[1] = (x * x) - y;
                    out[2] = 1 - 4 * x;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    jac[0][0] = 0;
                    jac[0][1] = z;
                    jac[0][2] = y;
                    jac[1][0] = 2 * x;
                    jac[1][1] = -1;
                    jac[1][2] = 0;
                    jac[2][0] = -4;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem sprottF() {
        return new FlowSystem(
                info(
                        "SprottF",
                        params("a", 0.5),
                        ic(-0.98941275, -1.4191706, 0.85797204),
                        19.244,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case F: a single-nonlinearity flow with a tunable linear growth term."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0];
                    out[0] = y + z;
                    out[1] = a * y - x;
                    out[2] = (x * x) - z;
                },
                (t, st, par, jac) -> {
                    double x = st[0];
                    double a = par[0];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 1;
                    jac[1][0] = -1;
                    jac[1][1] = a;
                    jac[1][2] = 0;
                    jac[2][0] = 2 * x;
                    jac[2][1] = 0;
                    jac[2][2] = -1;
                });
    }

    static FlowSystem sprottG() {
        return new FlowSystem(
                info(
                        "SprottG",
                        params("a", 0.4),
                        ic(-0.77182478, -0.74756595, 1.3073285),
                        8.7097,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case G: a single-nonlinearity flow with a bilinear coupling."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0];
                    double k0 = -y;
                    out[0] = a * x + z;
                    out[1] = k0 + x * z;
                    out[2] = -k0 - x;
                },
                (t, st, par, jac) -> {
                    double x = st[0], z = st[2];
                    double a = par[0];
                    jac[0][0] = a;
                    jac[0][1] = 0;
                    jac[0][2] = 1;
                    jac[1][0] = z;
                    jac[1][1] = -1;
                    jac[1][2] = x;
                    jac[2][0] = -1;
                    jac[2][1] = 1;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem sprottH() {
        return new FlowSystem(
                info(
                        "SprottH",
                        params("a", 0.5),
                        ic(-1.360042, 0.62585352, -1.2788196),
                        20.229,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case H: a single-nonlinearity flow driven by a squared variable."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0];
                    out[0] = -y + (z * z);
                    out[1] = a * y + x;
                    out[2] = x - z;
                },
                (t, st, par, jac) -> {
                    double z = st[2];
                    double a = par[0];
                    jac[0][0] = 0;
                    jac[0][1] = -1;
                    jac[0][2] = 2 * z;
                    jac[1][0] = 1;
                    jac[1][1] = a;
                    jac[1][2] = 0;
                    jac[2][0] = 1;
                    jac[2][1] = 0;
                    jac[2][2] = -1;
                });
    }

    static FlowSystem sprottI() {
        return new FlowSystem(
                info(
                        "SprottI",
                        params("a", 0.2),
                        ic(-0.060099389, -0.49558355, 0.023159035),
                        10.93,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case I: a single-nonlinearity flow with weak linear coupling."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0];
                    out[0] = -a * y;
                    out[1] = x + z;
                    out[2] = x + (y * y) - z;
                },
                (t, st, par, jac) -> {
                    double y = st[1];
                    double a = par[0];
                    jac[0][0] = 0;
                    jac[0][1] = -a;
                    jac[0][2] = 0;
                    jac[1][0] = 1;
                    jac[1][1] = 0;
                    jac[1][2] = 1;
                    jac[2][0] = 1;
                    jac[2][1] = 2 * y;
                    jac[2][2] = -1;
                });
    }

    static FlowSystem sprottJ() {
        return new FlowSystem(
                info(
                        "SprottJ",
                        params(),
                        ic(4.4786928, 2.2977432, 6.5847115),
                        4.836,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case J: a single-nonlinearity flow with a wide, slowly wandering attractor."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    out[0] = 2 * z;
                    out[1] = -2 * y + z;
                    out[2] = -x + (y * y) + y;
                },
                (t, st, par, jac) -> {
                    double y = st[1];
                    jac[0][0] = 0;
                    jac[0][1] = 0;
                    jac[0][2] = 2;
                    jac[1][0] = 0;
                    jac[1][1] = -2;
                    jac[1][2] = 1;
                    jac[2][0] = -1;
                    jac[2][1] = 2 * y + 1;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem sprottK() {
        return new FlowSystem(
                info(
                        "SprottK",
                        params("a", 0.3),
                        ic(-1.3165015, -1.5429951, 0.664053),
                        7.006,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case K: a single-nonlinearity flow with a bilinear term in the first equation."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0];
                    out[0] = x * y - z;
                    out[1] = x - y;
                    out[2] = a * z + x;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1];
                    double a = par[0];
                    jac[0][0] = y;
                    jac[0][1] = x;
                    jac[0][2] = -1;
                    jac[1][0] = 1;
                    jac[1][1] = -1;
                    jac[1][2] = 0;
                    jac[2][0] = 1;
                    jac[2][1] = 0;
                    jac[2][2] = a;
                });
    }

    static FlowSystem sprottL() {
        return new FlowSystem(
                info(
                        "SprottL",
                        params("a", 0.9, "b", 3.9),
                        ic(4.3611557, 13.705573, -2.6835659),
                        6.7262,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case L: a single-nonlinearity flow with a constant drive."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    out[0] = b * z + y;
                    out[1] = a * (x * x) - y;
                    out[2] = 1 - x;
                },
                (t, st, par, jac) -> {
                    double x = st[0];
                    double a = par[0], b = par[1];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = b;
                    jac[1][0] = 2 * a * x;
                    jac[1][1] = -1;
                    jac[1][2] = 0;
                    jac[2][0] = -1;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem sprottM() {
        return new FlowSystem(
                info(
                        "SprottM",
                        params("a", 1.7),
                        ic(1.6024402, -1.5983203, -2.6236374),
                        5.3644,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case M: a single-nonlinearity flow with a constant and linear feed of the last variable."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0];
                    out[0] = -z;
                    out[1] = -(x * x) - y;
                    out[2] = a * x + a + y;
                },
                (t, st, par, jac) -> {
                    double x = st[0];
                    double a = par[0];
                    jac[0][0] = 0;
                    jac[0][1] = 0;
                    jac[0][2] = -1;
                    jac[1][0] = -2 * x;
                    jac[1][1] = -1;
                    jac[1][2] = 0;
                    jac[2][0] = a;
                    jac[2][1] = 1;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem sprottN() {
        return new FlowSystem(
                info(
                        "SprottN",
                        params(),
                        ic(-8.3258705, 7.3033716, 3.2798909),
                        4.8135,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case N: a single-nonlinearity flow with a large, lopsided attractor."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    out[0] = -2 * y;
                    out[1] = x + (z * z);
                    out[2] = y - 2 * z + 1;
                },
                (t, st, par, jac) -> {
                    double z = st[2];
                    jac[0][0] = 0;
                    jac[0][1] = -2;
                    jac[0][2] = 0;
                    jac[1][0] = 1;
                    jac[1][1] = 0;
                    jac[1][2] = 2 * z;
                    jac[2][0] = 0;
                    jac[2][1] = 1;
                    jac[2][2] = -2;
                });
    }

    static FlowSystem sprottO() {
        return new FlowSystem(
                info(
                        "SprottO",
                        params("a", 2.7),
                        ic(0.20549455, 0.022792985, 0.93636949),
                        9.755,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case O: a single-nonlinearity flow with a bilinear term in the last equation."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0];
                    out[0] = y;
                    out[1] = x - z;
                    out[2] = a * y + x * z + x;
                },
                (t, st, par, jac) -> {
                    double x = st[0], z = st[2];
                    double a = par[0];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = 1;
                    jac[1][1] = 0;
                    jac[1][2] = -1;
                    jac[2][0] = z + 1;
                    jac[2][1] = a;
                    jac[2][2] = x;
                });
    }

    static FlowSystem sprottP() {
        return new FlowSystem(
                info(
                        "SprottP",
                        params("a", 2.7),
                        ic(0.83420675, 0.14915817, 0.44028635),
                        5.3414,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case P: a single-nonlinearity flow with a square in the middle equation."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0];
                    out[0] = a * y + z;
                    out[1] = -x + (y * y);
                    out[2] = x + y;
                },
                (t, st, par, jac) -> {
                    double y = st[1];
                    double a = par[0];
                    jac[0][0] = 0;
                    jac[0][1] = a;
                    jac[0][2] = 1;
                    jac[1][0] = -1;
                    jac[1][1] = 2 * y;
                    jac[1][2] = 0;
                    jac[2][0] = 1;
                    jac[2][1] = 1;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem sprottQ() {
        return new FlowSystem(
                info(
                        "SprottQ",
                        params("a", 3.1, "b", 0.5),
                        ic(2.978102, -0.065260683, -2.8031286),
                        4.8443,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case Q: a single-nonlinearity flow with two tunable linear terms."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    out[0] = -z;
                    out[1] = x - y;
                    out[2] = a * x + b * z + (y * y);
                },
                (t, st, par, jac) -> {
                    double y = st[1];
                    double a = par[0], b = par[1];
                    jac[0][0] = 0;
                    jac[0][1] = 0;
                    jac[0][2] = -1;
                    jac[1][0] = 1;
                    jac[1][1] = -1;
                    jac[1][2] = 0;
                    jac[2][0] = a;
                    jac[2][1] = 2 * y;
                    jac[2][2] = b;
                });
    }

    static FlowSystem sprottR() {
        return new FlowSystem(
                info(
                        "SprottR",
                        params("a", 0.9, "b", 0.4),
                        ic(-1.6914909, -1.9783678, 1.9807775),
                        7.0133,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case R: a single-nonlinearity flow with two constant drives."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    out[0] = a - y;
                    out[1] = b + z;
                    out[2] = x * y - z;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1];
                    jac[0][0] = 0;
                    jac[0][1] = -1;
                    jac[0][2] = 0;
                    jac[1][0] = 0;
                    jac[1][1] = 0;
                    jac[1][2] = 1;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -1;
                });
    }

    static FlowSystem sprottS() {
        return new FlowSystem(
                info(
                        "SprottS",
                        params(),
                        ic(0.12635702, 0.12260693, 1.2215429),
                        3.3505,
                        "Sprott (1994). Some simple chaotic flows. Physical Review E (1994).",
                        "Sprott's case S: the last of his nineteen minimal quadratic flows."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    out[0] = -x - 4 * y;
                    out[1] = x + (z * z);
                    out[2] = x + 1;
                },
                (t, st, par, jac) -> {
                    double z = st[2];
                    jac[0][0] = -1;
                    jac[0][1] = -4;
                    jac[0][2] = 0;
                    jac[1][0] = 1;
                    jac[1][1] = 0;
                    jac[1][2] = 2 * z;
                    jac[2][0] = 1;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem sprottJerk() {
        return new FlowSystem(
                info(
                        "SprottJerk",
                        params("mu", 2.017),
                        ic(-0.54106056, 0.59383201, 0.45127217),
                        11.921,
                        "Sprott, J. C. Simplest dissipative chaotic flow. Physics Letters A (1997).",
                        "The simplest known quadratic jerk equation with a chaotic solution."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double mu = par[0];
                    out[0] = y;
                    out[1] = z;
                    out[2] = -mu * z - x + (y * y);
                },
                (t, st, par, jac) -> {
                    double y = st[1];
                    double mu = par[0];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = 0;
                    jac[1][1] = 0;
                    jac[1][2] = 1;
                    jac[2][0] = -1;
                    jac[2][1] = 2 * y;
                    jac[2][2] = -mu;
                });
    }

    static FlowSystem sprottTorus() {
        return new FlowSystem(
                info(
                        "SprottTorus",
                        params(),
                        ic(0.6883476, -0.18017646, 0.58539724),
                        13.607,
                        "Sprott Physics Letters A 2014",
                        "A conservative quadratic flow whose chaotic sea surrounds a family of nested invariant tori."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double k0 = (x * x);
                    out[0] = 2 * x * y + x * z + y;
                    out[1] = -2 * k0 + y * z + 1;
                    out[2] = -k0 + x - (y * y);
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double k0 = 2 * y;
                    double k1 = 2 * x;
                    jac[0][0] = k0 + z;
                    jac[0][1] = k1 + 1;
                    jac[0][2] = x;
                    jac[1][0] = -4 * x;
                    jac[1][1] = z;
                    jac[1][2] = y;
                    jac[2][0] = 1 - k1;
                    jac[2][1] = -k0;
                    jac[2][2] = 0;
                });
    }

    /**
     * Piecewise: the Jacobian is that of the branch in force (d sign(z)/dz = 0 away from z = 0); the
     * jump at z = 0 is declared as a switching plane.
     */
    static FlowSystem sprottMore() {
        return new FlowSystem(
                info(
                        "SprottMore",
                        params(),
                        ic(-1.3396906, -0.21238338, 0.32982163),
                        6.62095890410959,
                        "Sprott, J. C. (2020). Do We Need More Chaos Examples? Chaos Theory and Applications 2(2),1-3, 2020.",
                        "A flow with a signum switch on the damping, a variable-boundary model with many coexisting behaviours."
                                + " Its right-hand side jumps (the damping -y sign(z) at z = 0); its Lyapunov exponents"
                                + " take a saltation matrix at every crossing of that plane."),
                (t, st, par, sides, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    out[0] = y;
                    out[1] = -x - y * SwitchingSurface.side(sides, 0, z);
                    out[2] = (y * y) - Math.exp(-(x * x));
                },
                (t, st, par, sides, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = -1;
                    jac[1][1] = -SwitchingSurface.side(sides, 0, z);
                    jac[1][2] = 0;
                    jac[2][0] = 2 * x * Math.exp(-(x * x));
                    jac[2][1] = 2 * y;
                    jac[2][2] = 0;
                },
                List.of(SwitchingSurface.at(2, 0.0)));
    }
}
