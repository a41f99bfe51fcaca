package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.FlowSystem;
import java.util.List;

/**
 * The classic three-dimensional flows: the Lorenz family, jerk normal forms, rigid-body and
 * geophysical models.
 *
 * <p>Parameter names, default values, initial conditions, periods and citations follow dysts
 * (Gilpin 2021) so that users can move between the two; equations and descriptions are ours. Every
 * Jacobian is analytic; the catalog contract test checks it against finite differences.
 */
final class ClassicFlows {

    private ClassicFlows() {}

    static List<ChaoticSystem> systems() {
        return List.of(
                lorenz(),
                rossler(),
                chen(),
                luChen(),
                qiChen(),
                chenLee(),
                rayleighBenard(),
                shimizuMorioka(),
                burkeShaw(),
                rucklidge(),
                thomas(),
                aizawa(),
                halvorsen(),
                dadras(),
                newtonLiepnik(),
                arneodo(),
                coullet(),
                genesioTesi(),
                mooreSpiegel(),
                noseHoover(),
                finance(),
                hadley(),
                lorenz84(),
                rikitakeDynamo());
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
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double beta = par[0], rho = par[1], sigma = par[2];
                    double k0 = -y;
                    out[0] = -sigma * (k0 + x);
                    out[1] = k0 + x * (rho - z);
                    out[2] = -beta * z + x * y;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double beta = par[0], rho = par[1], sigma = par[2];
                    jac[0][0] = -sigma;
                    jac[0][1] = sigma;
                    jac[0][2] = 0;
                    jac[1][0] = rho - z;
                    jac[1][1] = -1;
                    jac[1][2] = -x;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -beta;
                });
    }

    static FlowSystem rossler() {
        return new FlowSystem(
                info(
                        "Rossler",
                        params("a", 0.2, "b", 0.2, "c", 5.7),
                        ic(6.5134412, 0.4772013, 0.34164294),
                        5.9086,
                        "Rossler, Otto E. (1976). An equation for continuous chaos. Physics Letters A 57.5 (1976): 397-398.",
                        "A minimal spiral-type chaotic flow with a single quadratic term, folding a band of orbits back onto itself."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    out[0] = -y - z;
                    out[1] = a * y + x;
                    out[2] = b - z * (c - x);
                },
                (t, st, par, jac) -> {
                    double x = st[0], z = st[2];
                    double a = par[0], c = par[2];
                    jac[0][0] = 0;
                    jac[0][1] = -1;
                    jac[0][2] = -1;
                    jac[1][0] = 1;
                    jac[1][1] = a;
                    jac[1][2] = 0;
                    jac[2][0] = z;
                    jac[2][1] = 0;
                    jac[2][2] = -c + x;
                });
    }

    static FlowSystem chen() {
        return new FlowSystem(
                info(
                        "Chen",
                        params("a", 35, "b", 3, "c", 28),
                        ic(3.2689697, 5.2990458, 19.435349),
                        0.58689,
                        "Chen (1997). Proc. First Int. Conf. Control of Oscillations and Chaos.",
                        "A Lorenz-like quadratic flow built by anti-control of chaos; its double scroll is topologically distinct from the Lorenz butterfly."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    out[0] = -a * (x - y);
                    out[1] = c * y - x * z - x * (a - c);
                    out[2] = -b * z + x * y;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[1][0] = -a + c - z;
                    jac[1][1] = c;
                    jac[1][2] = -x;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -b;
                });
    }

    static FlowSystem luChen() {
        return new FlowSystem(
                info(
                        "LuChen",
                        params("a", 36, "b", 3, "c", 18),
                        ic(10.956479, 9.8813092, 22.676714),
                        2.3385,
                        "Lu, Chen. Int J Bifurcat Chaos. 2002: 659-661.",
                        "A quadratic flow that sits between the Lorenz and Chen systems in the generalised Lorenz family."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    out[0] = -a * (x - y);
                    out[1] = c * y - x * z;
                    out[2] = -b * z + x * y;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[1][0] = -z;
                    jac[1][1] = c;
                    jac[1][2] = -x;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -b;
                });
    }

    static FlowSystem qiChen() {
        return new FlowSystem(
                info(
                        "QiChen",
                        params("a", 38, "b", 2.666, "c", 80),
                        ic(17.420882, 5.5459627, 78.89139),
                        0.39179,
                        "Qi et al. Chaos, Solitons & Fractals 2008.",
                        "A Lorenz-type flow with a cross-product term in every equation, giving a four-wing-like double scroll with large excursions."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    out[0] = -a * (x - y) + y * z;
                    out[1] = c * x - x * z + y;
                    out[2] = -b * z + x * y;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    jac[0][0] = -a;
                    jac[0][1] = a + z;
                    jac[0][2] = y;
                    jac[1][0] = c - z;
                    jac[1][1] = 1;
                    jac[1][2] = -x;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -b;
                });
    }

    static FlowSystem chenLee() {
        return new FlowSystem(
                info(
                        "ChenLee",
                        params("a", 5, "b", -10, "c", -0.38),
                        ic(0.17177112, 0.10360479, 6.2553878),
                        2.8043,
                        "Chen HK, Lee CI (2004). Anti-control of chaos in rigid body motion. Chaos, Solitons & Fractals",
                        "Rigid-body (Euler) equations driven by a linear feedback, producing a two-lobed chaotic attractor."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    out[0] = a * x - y * z;
                    out[1] = b * y + x * z;
                    out[2] = c * z + ((1.0 / 3.0)) * x * y;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    jac[0][0] = a;
                    jac[0][1] = -z;
                    jac[0][2] = -y;
                    jac[1][0] = z;
                    jac[1][1] = b;
                    jac[1][2] = x;
                    jac[2][0] = ((1.0 / 3.0)) * y;
                    jac[2][1] = ((1.0 / 3.0)) * x;
                    jac[2][2] = c;
                });
    }

    static FlowSystem rayleighBenard() {
        return new FlowSystem(
                info(
                        "RayleighBenard",
                        params("a", 30, "b", 5, "r", 18),
                        ic(-15.660582, -13.32018, 26.879362),
                        0.91967,
                        "Yanagita, Kaneko (1995). Rayleigh-Benard convection patterns, chaos, spatiotemporal chaos and turbulence. Physica D: Nonlinear Phenomena 82.3 (1995): 288-313.",
                        "A three-mode model of thermal convection in a fluid layer heated from below, close in spirit to Lorenz but with a different linear term."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], r = par[2];
                    out[0] = -a * (x - y);
                    out[1] = r * y - x * z;
                    out[2] = -b * z + x * y;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], r = par[2];
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[1][0] = -z;
                    jac[1][1] = r;
                    jac[1][2] = -x;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -b;
                });
    }

    static FlowSystem shimizuMorioka() {
        return new FlowSystem(
                info(
                        "ShimizuMorioka",
                        params("a", 0.85, "b", 0.5),
                        ic(0.016838697, 0.03489384, 0.35346848),
                        12.038,
                        "Shimizu, Morioka. Phys Lett A. 1980: 201-204",
                        "A second-order oscillator with a slow quadratic feedback, a normal form for the Lorenz-like switching between two lobes."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    out[0] = y;
                    out[1] = -a * y - x * z + x;
                    out[2] = -b * z + (x * x);
                },
                (t, st, par, jac) -> {
                    double x = st[0], z = st[2];
                    double a = par[0], b = par[1];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = 1 - z;
                    jac[1][1] = -a;
                    jac[1][2] = -x;
                    jac[2][0] = 2 * x;
                    jac[2][1] = 0;
                    jac[2][2] = -b;
                });
    }

    static FlowSystem burkeShaw() {
        return new FlowSystem(
                info(
                        "BurkeShaw",
                        params("e", 13, "n", 10),
                        ic(-0.79153188, 0.65244479, 0.22517831),
                        0.78333,
                        "Shaw (1981). Zeitschrift fur Naturforschung.",
                        "A variant of the Lorenz equations with a constant source term, giving a fast, strongly folded double-lobe attractor."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double e = par[0], n = par[1];
                    double k0 = n * x;
                    out[0] = -n * (x + y);
                    out[1] = -k0 * z + y;
                    out[2] = e + k0 * y;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double n = par[1];
                    double k0 = -n;
                    double k1 = n * x;
                    jac[0][0] = k0;
                    jac[0][1] = k0;
                    jac[0][2] = 0;
                    jac[1][0] = -n * z;
                    jac[1][1] = 1;
                    jac[1][2] = -k1;
                    jac[2][0] = n * y;
                    jac[2][1] = k1;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem rucklidge() {
        return new FlowSystem(
                info(
                        "Rucklidge",
                        params("a", 2.0, "b", 6.7),
                        ic(1.9257158, 3.1923835, 5.7829655),
                        6.0721,
                        "Rucklidge, A.M. (1992). Chaos in models of double convection. Journal of Fluid Mechanics.",
                        "A model of double-diffusive convection in a rotating fluid layer that shows Lorenz-like switching."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    out[0] = -a * x + b * y - y * z;
                    out[1] = x;
                    out[2] = (y * y) - z;
                },
                (t, st, par, jac) -> {
                    double y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    jac[0][0] = -a;
                    jac[0][1] = b - z;
                    jac[0][2] = -y;
                    jac[1][0] = 1;
                    jac[1][1] = 0;
                    jac[1][2] = 0;
                    jac[2][0] = 0;
                    jac[2][1] = 2 * y;
                    jac[2][2] = -1;
                });
    }

    static FlowSystem thomas() {
        return new FlowSystem(
                info(
                        "Thomas",
                        params("a", 1.85, "b", 10),
                        ic(2.199442, 2.3634225, 3.220197),
                        4.969,
                        "Thomas, Rene (1999). Deterministic chaos seen in terms of feedback circuits: Analysis, synthesis, labyrinth chaos. Int. J. Bifurc. Chaos.",
                        "A cyclically symmetric flow with sinusoidal feedback and linear damping, a toy model of feedback circuits in biology."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    out[0] = -a * x + b * Math.sin(y);
                    out[1] = -a * y + b * Math.sin(z);
                    out[2] = -a * z + b * Math.sin(x);
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    double k0 = -a;
                    jac[0][0] = k0;
                    jac[0][1] = b * Math.cos(y);
                    jac[0][2] = 0;
                    jac[1][0] = 0;
                    jac[1][1] = k0;
                    jac[1][2] = b * Math.cos(z);
                    jac[2][0] = b * Math.cos(x);
                    jac[2][1] = 0;
                    jac[2][2] = k0;
                });
    }

    static FlowSystem aizawa() {
        return new FlowSystem(
                info(
                        "Aizawa",
                        params("a", 0.95, "b", 0.7, "c", 0.6, "d", 3.5, "e", 0.25, "f", 0.1),
                        ic(-0.78450179, -0.62887672, -0.17620268),
                        2.5837,
                        "Aizawa, Yoji, and Tatsuya Uezu (1982). Topological Aspects in Chaos and in 2 k-Period Doubling Cascade. Progress of Theoretical Physics 67.3 (1982): 982-985. See also Langford (1984). Numerical studies of torus bifurcations. Numerical Methods for Bifurcation Problems. Birkhauser, Basel, 1984. 285-295.",
                        "A rotation about the z axis coupled to a cubic vertical motion, giving an apple-shaped attractor with a tube through its axis."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4], f = par[5];
                    double k0 = (x * x);
                    double k1 = (y * y);
                    double k2 = e * z;
                    out[0] = -b * x - d * y + x * z;
                    out[1] = -b * y + d * x + y * z;
                    out[2] = a * z + c + f * (x * x * x) * z - k0 * k2 - k0 - k1 * k2 - k1 - (1.0 / 3.0) * (z * z * z);
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], d = par[3], e = par[4], f = par[5];
                    double k0 = -b + z;
                    double k1 = e * z;
                    jac[0][0] = k0;
                    jac[0][1] = -d;
                    jac[0][2] = x;
                    jac[1][0] = d;
                    jac[1][1] = k0;
                    jac[1][2] = y;
                    jac[2][0] = x * (3 * f * x * z - 2 * k1 - 2);
                    jac[2][1] = -2 * y * (k1 + 1);
                    jac[2][2] = a - e * (x * x) - e * (y * y) + f * (x * x * x) - (z * z);
                });
    }

    static FlowSystem halvorsen() {
        return new FlowSystem(
                info(
                        "Halvorsen",
                        params("a", 1.4, "b", 4),
                        ic(-8.6807408, -2.4741399, 0.070775762),
                        1.4889,
                        "Sprott, Julien C (2010). Elegant chaos: algebraically simple chaotic flows. World Scientific, 2010.",
                        "A cyclically symmetric quadratic flow whose attractor has three interlocking lobes."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    double k0 = b * y;
                    double k1 = b * z;
                    double k2 = b * x;
                    out[0] = -a * x - k0 - k1 - (y * y);
                    out[1] = -a * y - k1 - k2 - (z * z);
                    out[2] = -a * z - k0 - k2 - (x * x);
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    double k0 = -a;
                    double k1 = -b;
                    jac[0][0] = k0;
                    jac[0][1] = -b - 2 * y;
                    jac[0][2] = k1;
                    jac[1][0] = k1;
                    jac[1][1] = k0;
                    jac[1][2] = -b - 2 * z;
                    jac[2][0] = -b - 2 * x;
                    jac[2][1] = k1;
                    jac[2][2] = k0;
                });
    }

    static FlowSystem dadras() {
        return new FlowSystem(
                info(
                        "Dadras",
                        params("c", 2.0, "e", 9.0, "o", 2.7, "p", 3.0, "r", 1.7),
                        ic(1.0284085, -3.5348655, -0.72081646),
                        3.2886,
                        "S Dadras, HR Momeni (2009). A novel three-dimensional autonomous chaotic system generating two, three and four-scroll attractors. Physics Letters A.",
                        "A quadratic flow designed to show multi-scroll chaotic attractors with few parameters."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double c = par[0], e = par[1], o = par[2], p = par[3], r = par[4];
                    out[0] = o * y * z - p * x + y;
                    out[1] = r * y - x * z + z;
                    out[2] = c * x * y - e * z;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double c = par[0], e = par[1], o = par[2], p = par[3], r = par[4];
                    jac[0][0] = -p;
                    jac[0][1] = o * z + 1;
                    jac[0][2] = o * y;
                    jac[1][0] = -z;
                    jac[1][1] = r;
                    jac[1][2] = 1 - x;
                    jac[2][0] = c * y;
                    jac[2][1] = c * x;
                    jac[2][2] = -e;
                });
    }

    static FlowSystem newtonLiepnik() {
        return new FlowSystem(
                info(
                        "NewtonLiepnik",
                        params("a", 0.4, "b", 0.175),
                        ic(0.29430753, 0.10649486, 0.29081125),
                        8.5095,
                        "Leipnik, R. B., and T. A. Newton (1981). Double strange attractors in rigid body motion with linear feedback control. Physics Letters A 86.2 (1981): 63-67.",
                        "Equations of rigid-body motion with linear feedback control that admit two coexisting strange attractors."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    out[0] = -a * x + 10 * y * z + y;
                    out[1] = 5 * x * z - x - (2.0 / 5.0) * y;
                    out[2] = b * z - 5 * x * y;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    double k0 = 5 * x;
                    jac[0][0] = -a;
                    jac[0][1] = 10 * z + 1;
                    jac[0][2] = 10 * y;
                    jac[1][0] = 5 * z - 1;
                    jac[1][1] = (-2.0 / 5.0);
                    jac[1][2] = k0;
                    jac[2][0] = -5 * y;
                    jac[2][1] = -k0;
                    jac[2][2] = b;
                });
    }

    static FlowSystem arneodo() {
        return new FlowSystem(
                info(
                        "Arneodo",
                        params("a", -5.5, "b", 4.5, "c", 1.0, "d", -1.0),
                        ic(-2.7515698, 0.19079818, 3.4703629),
                        3.1641,
                        "Arneodo, A., Coullet, P. & Tresser, C. Occurence of strange attractors in three-dimensional Volterra equations. Physics Letters A 79, 259--263 (1980)",
                        "A jerk equation with cubic nonlinearity derived from a normal form near a triple-zero bifurcation."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    out[0] = y;
                    out[1] = z;
                    out[2] = -a * x - b * y - c * z + d * (x * x * x);
                },
                (t, st, par, jac) -> {
                    double x = st[0];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = 0;
                    jac[1][1] = 0;
                    jac[1][2] = 1;
                    jac[2][0] = -a + 3 * d * (x * x);
                    jac[2][1] = -b;
                    jac[2][2] = -c;
                });
    }

    static FlowSystem coullet() {
        return new FlowSystem(
                info(
                        "Coullet",
                        params("a", -0.8, "b", 1.1, "c", 0.45, "d", -1.0),
                        ic(0.34539837958549907, 0.4284701181998099, 0.086983698175975),
                        5.7663,
                        "Arneodo, A., Coullet, P. & Tresser, C. Occurence of strange attractors in three-dimensional volterra equations. Physics Letters A 79, 259--263 (1980)",
                        "The cubic jerk normal form studied by Arneodo, Coullet and Tresser, here at parameters giving a spiral attractor."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    out[0] = y;
                    out[1] = z;
                    out[2] = -a * x - b * y - c * z + d * (x * x * x);
                },
                (t, st, par, jac) -> {
                    double x = st[0];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = 0;
                    jac[1][1] = 0;
                    jac[1][2] = 1;
                    jac[2][0] = -a + 3 * d * (x * x);
                    jac[2][1] = -b;
                    jac[2][2] = -c;
                });
    }

    static FlowSystem genesioTesi() {
        return new FlowSystem(
                info(
                        "GenesioTesi",
                        params("a", 0.44, "b", 1.1, "c", 1),
                        ic(-0.053772565, -0.26162564, 0.33501557),
                        5.9431,
                        "Genesio, Tesi (1992). Harmonic balance methods for the analysis of chaotic dynamics in nonlinear systems. Automatica 28.3 (1992): 531-548.",
                        "A quadratic jerk equation that is the simplest Lur'e-type control system known to be chaotic."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    out[0] = y;
                    out[1] = z;
                    out[2] = -a * z - b * y - c * x + (x * x);
                },
                (t, st, par, jac) -> {
                    double x = st[0];
                    double a = par[0], b = par[1], c = par[2];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = 0;
                    jac[1][1] = 0;
                    jac[1][2] = 1;
                    jac[2][0] = -c + 2 * x;
                    jac[2][1] = -b;
                    jac[2][2] = -a;
                });
    }

    static FlowSystem mooreSpiegel() {
        return new FlowSystem(
                info(
                        "MooreSpiegel",
                        params("a", 10, "b", 4, "eps", 9),
                        ic(-3.4733266, 19.666962, -3.8262485),
                        1.2887,
                        "Moore, Spiegel. A Thermally Excited Nonlinear Oscillator, Ap. J., 143, 871 (1966)",
                        "A thermally driven oscillator model for irregular variability of stars, chaotic over a range of the thermal relaxation."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], eps = par[2];
                    out[0] = y;
                    out[1] = a * z;
                    out[2] = -b * x + eps * y - (x * x) * y - z;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1], eps = par[2];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = 0;
                    jac[1][1] = 0;
                    jac[1][2] = a;
                    jac[2][0] = -b - 2 * x * y;
                    jac[2][1] = eps - (x * x);
                    jac[2][2] = -1;
                });
    }

    static FlowSystem noseHoover() {
        return new FlowSystem(
                info(
                        "NoseHoover",
                        params("a", 1.5),
                        ic(-1.9758582, 0.24647527, 0.79024299),
                        5.8673,
                        "Nose, S (1985). A unified formulation of the constant temperature molecular-dynamics methods. Journal of Chemical Physics (1984). Hoover, William G. Canonical dynamics: Equilibrium phase-space distributions. Phys. Rev. A. Hoover, William G., Anthony JC Ladd, and Bill Moran (1982). High-strain-rate plastic flow studied via nonequilibrium molecular dynamics. Physical Review Letters.",
                        "A harmonic oscillator coupled to a Nose-Hoover thermostat; conservative, with chaotic orbits filling a sea around invariant tori."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0];
                    out[0] = y;
                    out[1] = -x + y * z;
                    out[2] = a - (y * y);
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

    static FlowSystem finance() {
        return new FlowSystem(
                info(
                        "Finance",
                        params("a", 0.001, "b", 0.2, "c", 1.1),
                        ic(-0.51664739, -3.9568707, 0.0012893581),
                        9.8932,
                        "Guoliang Cai, Juanjuan Huang. International Journal of Nonlinear Science, Vol. 3 (2007)",
                        "A macroeconomic model in which interest rate, investment demand and price index feed back on one another."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    out[0] = x * y - x * (a - 1 / b) + z;
                    out[1] = -b * y - (x * x);
                    out[2] = -c * z - x;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1], c = par[2];
                    jac[0][0] = -a + y + (1.0 / (b));
                    jac[0][1] = x;
                    jac[0][2] = 1;
                    jac[1][0] = -2 * x;
                    jac[1][1] = -b;
                    jac[1][2] = 0;
                    jac[2][0] = -1;
                    jac[2][1] = 0;
                    jac[2][2] = -c;
                });
    }

    static FlowSystem hadley() {
        return new FlowSystem(
                info(
                        "Hadley",
                        params("a", 0.2, "b", 4, "f", 9, "g", 1),
                        ic(1.3664423, 0.9309146, 0.64283417),
                        1.4541,
                        "G. Hadley (1735). On the cause of the general trade winds. Philosophical Transactions of the Royal Society, vol. 34, pp. 58--62.",
                        "Lorenz's 1984 model of the Hadley circulation: a zonal jet interacting with a pair of travelling eddies."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], f = par[2], g = par[3];
                    double k0 = x * z;
                    out[0] = a * f - a * x - (y * y) - (z * z);
                    out[1] = -b * k0 + g + x * y - y;
                    out[2] = b * x * y + k0 - z;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    double k0 = x - 1;
                    double k1 = b * x;
                    jac[0][0] = -a;
                    jac[0][1] = -2 * y;
                    jac[0][2] = -2 * z;
                    jac[1][0] = -b * z + y;
                    jac[1][1] = k0;
                    jac[1][2] = -k1;
                    jac[2][0] = b * y + z;
                    jac[2][1] = k1;
                    jac[2][2] = k0;
                });
    }

    static FlowSystem lorenz84() {
        return new FlowSystem(
                info(
                        "Lorenz84",
                        params("a", 1.32, "b", 7.91, "f", 4.83, "g", 4.194),
                        ic(1.926479236120359, -0.13402110197257552, -1.72146730664761),
                        6.2586,
                        "E. Lorenz (1984). Irregularity: a fundamental property of the atmosphere. Tellus A, vol. 36, no. 2, pp. 98--110, 1984.",
                        "Lorenz's low-order model of the general atmospheric circulation, a westerly wind forced by heating and damped by eddies."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], f = par[2], g = par[3];
                    double k0 = x * z;
                    out[0] = a * f - a * x - (y * y) - (z * z);
                    out[1] = -b * k0 + g + x * y - y;
                    out[2] = b * x * y + k0 - z;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    double k0 = x - 1;
                    double k1 = b * x;
                    jac[0][0] = -a;
                    jac[0][1] = -2 * y;
                    jac[0][2] = -2 * z;
                    jac[1][0] = -b * z + y;
                    jac[1][1] = k0;
                    jac[1][2] = -k1;
                    jac[2][0] = b * y + z;
                    jac[2][1] = k1;
                    jac[2][2] = k0;
                });
    }

    static FlowSystem rikitakeDynamo() {
        return new FlowSystem(
                info(
                        "RikitakeDynamo",
                        params("a", 1.0, "mu", 1.0),
                        ic(-0.7791562791136255, -0.6302244598741468, 2.671200187214492),
                        5.8975,
                        "Rikitake, T., Oscillations of a system of disk dynamos, Mathematical Proceedings of the Cambridge Philosophical Society, 1958.",
                        "Two coupled disk dynamos, a model for the irregular reversals of the geomagnetic field."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], mu = par[1];
                    out[0] = -mu * x + y * z;
                    out[1] = -a * x - mu * y + x * z;
                    out[2] = -x * y + 1;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], mu = par[1];
                    double k0 = -mu;
                    jac[0][0] = k0;
                    jac[0][1] = z;
                    jac[0][2] = y;
                    jac[1][0] = -a + z;
                    jac[1][1] = k0;
                    jac[1][2] = x;
                    jac[2][0] = -y;
                    jac[2][1] = -x;
                    jac[2][2] = 0;
                });
    }
}
