package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.MapSystem;
import java.util.List;

/**
 * The remaining maps of dysts: trigonometric and rational maps of the plane, kicked rotators, the
 * baker and circle maps.
 *
 * <p>Names, parameters and initial conditions follow dysts (Gilpin 2021). Jacobians are analytic
 * where written out, otherwise central differences (the catalog answer says which).
 */
final class IteratedMaps {

    private IteratedMaps() {}

    static List<ChaoticSystem> systems() {
        return List.of(
                chebyshev(),
                bogdanov(),
                baker(),
                circle(),
                maynardSmith(),
                pickover(),
                bedhead(),
                svensson(),
                gumowskiMira(),
                hopalong(),
                zaslavskii(),
                zeraouliaSprott(),
                endCap(),
                blinkingVortexMap());
    }

    static MapSystem chebyshev() {
        return new MapSystem(
                info(
                        "Chebyshev",
                        params("a", 6),
                        ic(0.51),
                        1.0,
                        "dysts (Gilpin 2021)",
                        "Iterated Chebyshev polynomial T_a on [-1, 1]: exactly chaotic for integer a >= 2."),
                (st, par, out) -> {
                    double x = st[0];
                    double a = par[0];
                    // Rounding can push x a hair outside [-1, 1], where acos has no value.
                    out[0] = Math.cos(a * Math.acos(Math.max(-1, Math.min(1, x))));
                },
                (st, par, jac) -> {
                    double x = st[0];
                    double a = par[0];
                    double w = 1 - x * x;
                    // d/dx cos(a acos x) = a sin(a acos x) / sqrt(1 - x^2), whose limit at x = +-1 is a^2.
                    jac[0][0] = w > 1e-12 ? a * Math.sin(a * Math.acos(x)) / Math.sqrt(w) : a * a;
                });
    }

    static MapSystem bogdanov() {
        return new MapSystem(
                info(
                        "Bogdanov",
                        params("eps", 0, "k", 1.2, "mu", 0),
                        ic(0.51, 0.2),
                        1.0,
                        "Bogdanov, R (1981). Bifurcations of a Limit Cycle for a Family of Vector Fields on the Plane. Selecta Math. Soviet.",
                        "The Bogdanov map, a discretisation of the Bogdanov-Takens normal form: invariant curves break into chaos."),
                (st, par, out) -> {
                    double x = st[0], y = st[1];
                    double eps = par[0], k = par[1], mu = par[2];
                    double yp = (1.0 + eps) * y + k * x * (x - 1.0) + mu * x * y;
                    double xp = x + yp;
                    out[0] = xp;
                    out[1] = yp;
                },
                (st, par, jac) -> {
                    double x = st[0], y = st[1];
                    double eps = par[0], k = par[1], mu = par[2];
                    double dyx = k * (2 * x - 1.0) + mu * y, dyy = 1.0 + eps + mu * x;
                    jac[0][0] = 1 + dyx;
                    jac[0][1] = dyy;
                    jac[1][0] = dyx;
                    jac[1][1] = dyy;
                });
    }

    static MapSystem baker() {
        return new MapSystem(
                info(
                        "Baker",
                        params("a", 1),
                        ic(0.04995935, 0.363224),
                        1.0,
                        "dysts (Gilpin 2021)",
                        "The dissipative baker's map: stretch by two in x, cut and stack with contraction a in y."),
                (st, par, out) -> {
                    double x = st[0], y = st[1];
                    double a = par[0];
                    double eps2 = 2.0 - 1e-10;
                    double x_flr = Math.floor(eps2 * x / 1.0);
                    double xp = eps2 * x - x_flr;
                    double yp = (a * y + x_flr) / 2.0;
                    out[0] = xp;
                    out[1] = yp;
                },
                (st, par, jac) -> {
                    double a = par[0];
                    // Piecewise linear: the cut at x = 1/2 is crossed in measure zero.
                    jac[0][0] = 2.0 - 1e-10;
                    jac[0][1] = 0;
                    jac[1][0] = 0;
                    jac[1][1] = a / 2.0;
                });
    }

    static MapSystem circle() {
        return new MapSystem(
                info(
                        "Circle",
                        params("omega", 0.333, "k", 5.7),
                        ic(0.0),
                        1.0,
                        "dysts (Gilpin 2021)",
                        "The sine circle map of a driven rotator; with k > 1 it is non-invertible and chaotic."),
                (st, par, out) -> {
                    double theta = st[0];
                    double omega = par[0], k = par[1];
                    double thetap = theta + omega + k / (2.0 * Math.PI) * Math.sin(2.0 * Math.PI * theta);
                    out[0] = thetap;
                },
                (st, par, jac) -> {
                    double k = par[1];
                    jac[0][0] = 1 + k * Math.cos(2.0 * Math.PI * st[0]);
                });
    }

    static MapSystem maynardSmith() {
        return new MapSystem(
                info(
                        "MaynardSmith",
                        params("a", 0.87, "b", 0.75),
                        ic(0.0, 0.1),
                        1.0,
                        "dysts (Gilpin 2021)",
                        "Maynard Smith's two-generation population map with delayed density dependence."),
                (st, par, out) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1];
                    double xp = y;
                    double yp = a * y + b - (x * x);
                    out[0] = xp;
                    out[1] = yp;
                },
                (st, par, jac) -> {
                    double a = par[0];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[1][0] = -2 * st[0];
                    jac[1][1] = a;
                });
    }

    static MapSystem pickover() {
        return new MapSystem(
                info(
                        "Pickover",
                        params("a", -1.4, "b", 1.6, "c", 1, "d", 0.7),
                        ic(-0.97631884, -1.2040783),
                        1.0,
                        "dysts (Gilpin 2021)",
                        "A trigonometric map of the plane (Pickover), drawing a fractal attractor."),
                (st, par, out) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double xp = Math.sin(a * y) + c * Math.cos(a * x);
                    double yp = Math.sin(b * x) + d * Math.cos(b * y);
                    out[0] = xp;
                    out[1] = yp;
                },
                (st, par, jac) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    jac[0][0] = -c * a * Math.sin(a * x);
                    jac[0][1] = a * Math.cos(a * y);
                    jac[1][0] = b * Math.cos(b * x);
                    jac[1][1] = -d * b * Math.sin(b * y);
                });
    }

    static MapSystem bedhead() {
        return new MapSystem(
                info(
                        "Bedhead",
                        params("a", -0.67, "b", 0.83),
                        ic(0.5, 0.5),
                        1.0,
                        "Ivan Emrich.",
                        "A trigonometric map of the plane whose attractor looks like tangled hair."),
                (st, par, out) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1];
                    double xp = Math.sin(x * y / b) * y + Math.cos(a * x - y);
                    double yp = x + Math.sin(y) / b;
                    out[0] = xp;
                    out[1] = yp;
                },
                (st, par, jac) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1];
                    double s = Math.sin(x * y / b), c = Math.cos(x * y / b), u = Math.sin(a * x - y);
                    jac[0][0] = c * y * y / b - a * u;
                    jac[0][1] = c * x * y / b + s + u;
                    jac[1][0] = 1;
                    jac[1][1] = Math.cos(y) / b;
                });
    }

    static MapSystem svensson() {
        return new MapSystem(
                info(
                        "Svensson",
                        params("a", 1.5, "b", -1.8, "c", 1.6, "d", 0.9),
                        ic(0.5, 0.5),
                        1.0,
                        "Ivan Emrich.",
                        "A trigonometric map of the plane (Svensson) drawing a symmetric attractor."),
                (st, par, out) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double xp = d * Math.sin(a * x) - Math.sin(b * y);
                    double yp = c * Math.cos(a * x) + Math.cos(b * y);
                    out[0] = xp;
                    out[1] = yp;
                },
                (st, par, jac) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    jac[0][0] = d * a * Math.cos(a * x);
                    jac[0][1] = -b * Math.cos(b * y);
                    jac[1][0] = -c * a * Math.sin(a * x);
                    jac[1][1] = -b * Math.sin(b * y);
                });
    }

    static MapSystem gumowskiMira() {
        return new MapSystem(
                info(
                        "GumowskiMira",
                        params("a", -1.1, "b", -0.2),
                        ic(0.1, 0.1),
                        1.0,
                        "Gumowski, Igor, and Christian Mira (2006). Recurrences and discrete dynamic systems. Vol. 809. Springer.",
                        "The Gumowski-Mira map from accelerator physics: orbit shapes like ornaments."),
                (st, par, out) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1];
                    double fx = a * x + 2.0 * (1.0 - a) * (x * x) / (1.0 + (x * x));
                    double xp = b * y + fx;
                    double fx1 = a * xp + 2.0 * (1.0 - a) * (xp * xp) / (1.0 + (xp * xp));
                    double yp = fx1 - x;
                    out[0] = xp;
                    out[1] = yp;
                },
                (st, par, jac) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1];
                    // x' = b y + G(x), y' = G(x') - x with G(u) = a u + 2 (1 - a) u^2 / (1 + u^2).
                    double xp = b * y + a * x + 2.0 * (1.0 - a) * (x * x) / (1.0 + (x * x));
                    double gx = a + 4.0 * (1.0 - a) * x / ((1.0 + x * x) * (1.0 + x * x));
                    double gxp = a + 4.0 * (1.0 - a) * xp / ((1.0 + xp * xp) * (1.0 + xp * xp));
                    jac[0][0] = gx;
                    jac[0][1] = b;
                    jac[1][0] = gxp * gx - 1;
                    jac[1][1] = gxp * b;
                });
    }

    static MapSystem hopalong() {
        return new MapSystem(
                info(
                        "Hopalong",
                        params("a", 3.1, "b", 2.5, "c", 4.2),
                        ic(0.1, 0.1),
                        1.0,
                        "Barry Martin.",
                        "Martin's hopalong map: a square-root nonlinearity makes orbits hop between lattice-like clusters."),
                (st, par, out) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1], c = par[2];
                    double xp = y - 1.0 - Math.sqrt(Math.abs(b * x - 1.0 - c)) * Math.signum(x - 1.0);
                    double yp = a - x - 1.0;
                    out[0] = xp;
                    out[1] = yp;
                },
                (st, par, jac) -> {
                    double x = st[0];
                    double b = par[1], c = par[2];
                    double u = b * x - 1.0 - c;
                    jac[0][0] = -Math.signum(x - 1.0) * Math.signum(u) * b / (2 * Math.sqrt(Math.abs(u)));
                    jac[0][1] = 1;
                    jac[1][0] = -1;
                    jac[1][1] = 0;
                });
    }

    static MapSystem zaslavskii() {
        return new MapSystem(
                info(
                        "Zaslavskii",
                        params("eps", 5.0, "nu", 0.2, "r", 2.0),
                        ic(0.51, 0.1),
                        1,
                        "G.M. Zaslavskii (1978). The Simplest case of a strange attractor. Phys. Lett. A. 69 (3)",
                        "A kicked, damped rotator: Zaslavskii's web map with strong dissipation; x is a phase in [0, 1)."),
                (st, par, out) -> {
                    double x = st[0], y = st[1];
                    double eps = par[0], nu = par[1], r = par[2];
                    double mu = (1 - Math.exp(-r)) / r;
                    double kick = Math.cos(2 * Math.PI * x);
                    double xp = x + nu * (1 + mu * y) + eps * nu * mu * kick;
                    out[0] = xp - Math.floor(xp);
                    out[1] = Math.exp(-r) * (y + eps * kick);
                },
                (st, par, jac) -> {
                    double x = st[0];
                    double eps = par[0], nu = par[1], r = par[2];
                    double mu = (1 - Math.exp(-r)) / r;
                    double dkick = -2 * Math.PI * Math.sin(2 * Math.PI * x);
                    jac[0][0] = 1 + eps * nu * mu * dkick;
                    jac[0][1] = nu * mu;
                    jac[1][0] = Math.exp(-r) * eps * dkick;
                    jac[1][1] = Math.exp(-r);
                });
    }

    static MapSystem zeraouliaSprott() {
        return new MapSystem(
                info(
                        "ZeraouliaSprott",
                        params("a", 4.0, "b", 0.9),
                        ic(1.78166133, -1.15791549),
                        1,
                        "Zeraoulia, E. and Sprott, J. C. (2008). A two-dimensional discrete mapping with C-infinity multifold chaotic attractors. Electronic Journal of Theoretical Physics 5 (17), 107-120.",
                        "A rational two-dimensional map with a two-lobed attractor (Zeraoulia and Sprott)."
                                + " Departs from dysts: dysts stores a = 1.641, b = 1.902, where |b| > 1 sends every orbit"
                                + " to infinity (dysts itself leaves this class disabled); the defaults here, a = 4, b = 0.9,"
                                + " lie in the map's chaotic region."),
                (st, par, out) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1];
                    out[0] = -a * x / (1 + y * y);
                    out[1] = x + b * y;
                },
                (st, par, jac) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1];
                    double q = 1 + y * y;
                    jac[0][0] = -a / q;
                    jac[0][1] = 2 * a * x * y / (q * q);
                    jac[1][0] = 1;
                    jac[1][1] = b;
                });
    }

    static MapSystem endCap() {
        return new MapSystem(
                info(
                        "EndCap",
                        params("a", 1.4, "b", 0.3),
                        ic(0.5, 0.3),
                        1,
                        "Henon, Michel (1976). A two-dimensional mapping with a strange attractor. Communications in Mathematical Physics 50.1 (1976): 69-77.",
                        "dysts lists EndCap with the Henon map's parameters but ships no equations for it; here it is the"
                                + " Henon map at those values, from dysts' initial condition."),
                (st, par, out) -> {
                    double x = st[0], y = st[1];
                    double a = par[0], b = par[1];
                    out[0] = 1 - a * x * x + y;
                    out[1] = b * x;
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

    /**
     * One blink of Aref's vortex in a disk of radius {@code a}: a particle at polar {@code (r,
     * theta)} moves for time {@code t} around a point vortex of strength {@code gamma} at distance
     * {@code b} from the centre. Its path is a circle of the vortex's image system; the angle along
     * that circle solves a Kepler-like equation {@code q - e sin q = c} with {@code e <= 1}, whose
     * root is unique and lies within one of {@code c}. Writes {@code out[0] = r}, {@code out[1] =
     * theta}.
     */
    static void blinkOfVortex(double r, double theta, double a, double b, double gamma, double t, double[] out) {
        blinkOfVortex(r, theta, a, b, gamma, t, out, null);
    }

    /**
     * The same blink, and with {@code jac} not null its Jacobian {@code d(r', theta') / d(r,
     * theta)}: every intermediate carries its two partials along, and the root q of {@code q - e
     * sin q = c} moves by {@code (dc + sin q de) / (1 - e cos q)}.
     */
    static void blinkOfVortex(double r, double theta, double a, double b, double gamma, double t, double[] out, double[][] jac) {
        double a2b = a * a / b;
        double cos = Math.cos(theta), sin = Math.sin(theta);
        double num = b * b + r * r - 2 * b * r * cos, den = a2b * a2b + r * r - 2 * a2b * r * cos;
        double lam2 = num / den;
        double lam = Math.sqrt(lam2);
        double etac = (b - lam2 * a2b) / (1 - lam2);
        double rhoSigned = lam / (1 - lam2) * (a2b - b);
        double rho = Math.abs(rhoSigned);
        double tp = Math.atan2(r * sin, -etac + r * cos);
        double e = 2 * lam / (1 + lam2);
        double tlam = (2 * Math.PI) * (2 * Math.PI) * (rho * rho / gamma) * (1 + lam2) / (1 - lam2);
        double c = tp - e * Math.sin(tp) + 2 * Math.PI * t / tlam;
        // Bisection on [c - 1, c + 1] (the left side is increasing there), then Newton to polish.
        double lo = c - 1.0001, hi = c + 1.0001;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid - e * Math.sin(mid) - c < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double q = 0.5 * (lo + hi);
        for (int i = 0; i < 3; i++) {
            double slope = 1 - e * Math.cos(q);
            if (slope > 1e-12) {
                q -= (q - e * Math.sin(q) - c) / slope;
            }
        }
        out[0] = Math.sqrt(rho * rho + etac * etac + 2 * rho * etac * Math.cos(q));
        out[1] = Math.atan2(rho * Math.sin(q), etac + rho * Math.cos(q));
        if (jac == null) {
            return;
        }
        double om = 1 - lam2, twoPi2 = (2 * Math.PI) * (2 * Math.PI) / gamma;
        for (int v = 0; v < 2; v++) { // v = 0: d/dr, v = 1: d/dtheta
            double numD = v == 0 ? 2 * r - 2 * b * cos : 2 * b * r * sin;
            double denD = v == 0 ? 2 * r - 2 * a2b * cos : 2 * a2b * r * sin;
            double lam2D = (numD * den - num * denD) / (den * den);
            double lamD = lam2D / (2 * lam);
            double etacD = (b - a2b) * lam2D / (om * om);
            double rhoD = Math.signum(rhoSigned) * (a2b - b) * (lamD * om + lam * lam2D) / (om * om);
            double y = r * sin, x = -etac + r * cos;
            double yD = v == 0 ? sin : r * cos, xD = -etacD + (v == 0 ? cos : -r * sin);
            double tpD = (x * yD - y * xD) / (x * x + y * y);
            double eD = 2 * (lamD * (1 + lam2) - lam * lam2D) / ((1 + lam2) * (1 + lam2));
            double ratio = (1 + lam2) / om, ratioD = 2 * lam2D / (om * om);
            double tlamD = twoPi2 * (2 * rho * rhoD * ratio + rho * rho * ratioD);
            double cD = tpD - eD * Math.sin(tp) - e * Math.cos(tp) * tpD - 2 * Math.PI * t * tlamD / (tlam * tlam);
            double qD = (cD + Math.sin(q) * eD) / (1 - e * Math.cos(q));
            double cq = Math.cos(q), sq = Math.sin(q);
            double sumD = 2 * rho * rhoD + 2 * etac * etacD + 2 * (rhoD * etac * cq + rho * etacD * cq - rho * etac * sq * qD);
            double across = rho * sq, acrossD = rhoD * sq + rho * cq * qD;
            double along = etac + rho * cq, alongD = etacD + rhoD * cq - rho * sq * qD;
            jac[0][v] = sumD / (2 * out[0]);
            jac[1][v] = (along * acrossD - across * alongD) / (along * along + across * across);
        }
    }

    static MapSystem blinkingVortexMap() {
        return new MapSystem(
                info(
                        "BlinkingVortexMap",
                        params("a", 1.0, "gamma", 1.0, "b", 0.5, "t", 1.5),
                        ic(0.17, 0.33),
                        1,
                        "Aref, H. (1984). Stirring by chaotic advection. Journal of Fluid Mechanics 143, 1-21.",
                        "The stroboscopic map of Aref's blinking vortex in a disk: polar position (r, theta) of a fluid"
                                + " particle. One iteration here is a full blink period, the vortex at +b for time t and"
                                + " then at -b for time t, which is two iterations of dysts' map (dysts flips the sign of"
                                + " b after every call)."),
                (st, par, out) -> {
                    double a = par[0], gamma = par[1], b = par[2], t = par[3];
                    blinkOfVortex(st[0], st[1], a, b, gamma, t, out);
                    double r = out[0], theta = out[1];
                    blinkOfVortex(r, theta, a, -b, gamma, t, out);
                },
                (st, par, jac) -> {
                    double a = par[0], gamma = par[1], b = par[2], t = par[3];
                    // The chain rule over the two half-blinks: J = J(second, at the first's image) J(first).
                    double[] image = new double[2];
                    blinkOfVortex(st[0], st[1], a, b, gamma, t, image, jac);
                    double f00 = jac[0][0], f01 = jac[0][1], f10 = jac[1][0], f11 = jac[1][1];
                    blinkOfVortex(image[0], image[1], a, -b, gamma, t, image, jac);
                    double s00 = jac[0][0], s01 = jac[0][1], s10 = jac[1][0], s11 = jac[1][1];
                    jac[0][0] = s00 * f00 + s01 * f10;
                    jac[0][1] = s00 * f01 + s01 * f11;
                    jac[1][0] = s10 * f00 + s11 * f10;
                    jac[1][1] = s10 * f01 + s11 * f11;
                });
    }
}
