package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;
import static io.chaoscast.dynamics.catalog.Defs.zero;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.FlowSystem;
import io.chaoscast.dynamics.systems.SwitchingSurface;
import java.util.List;

/**
 * Non-autonomous flows, written in dysts' autonomous form: the forcing phase (or the clock of a
 * stirring protocol) is one more state variable that grows linearly and without bound, so the
 * equations never read {@code t}. Observables such as {@code sin(phase)} are what dysts reports
 * for those components. Also the fluid-transport flows (chaotic advection in Stokes flows, jets
 * and gyres).
 *
 * <p>Names, parameters, initial conditions, periods and citations follow dysts (Gilpin 2021);
 * vector-valued dysts parameters are fixed constants here. Jacobians use central differences.
 */
final class ForcedFlows {

    private ForcedFlows() {}

    static List<ChaoticSystem> systems() {
        return List.of(
                arnoldWeb(),
                circadianRhythm(),
                doubleGyre(),
                fluidTrampoline(),
                forcedBrusselator(),
                forcedFitzHughNagumo(),
                oscillatingFlow(),
                stickSlipOscillator(),
                turchinHanski(),
                blinkingRotlet(),
                blinkingVortex(),
                interiorSquirmer(),
                lidDrivenCavityFlow(),
                bickleyJet());
    }

    static FlowSystem arnoldWeb() {
        return new FlowSystem(
                info(
                        "ArnoldWeb",
                        params("mu", 0.01, "w", 1),
                        ic(0.10469507, 0.0892929984, 11025.3686, 6055.32273, 0.1),
                        67.25,
                        "Froeschle, C., Guzzo, M. & Legga, E (2000). Graphical evolution of the Arnold web: From order to chaos. Science 289.",
                        "A nearly integrable Hamiltonian with two degrees of freedom and a slow forcing: diffusion along the Arnold web."),
                (t, st, par, out) -> {
                    double p1 = st[0], p2 = st[1], x1 = st[2], x2 = st[3], z = st[4];
                    double mu = par[0], w = par[1];
                    double denom = 4.0 + Math.cos(z) + Math.cos(x1) + Math.cos(x2);
                    double p1dot = -mu * Math.sin(x1) / (denom * denom);
                    double p2dot = -mu * Math.sin(x2) / (denom * denom);
                    double x1dot = p1;
                    double x2dot = p2;
                    double zdot = w;
                    out[0] = p1dot;
                    out[1] = p2dot;
                    out[2] = x1dot;
                    out[3] = x2dot;
                    out[4] = zdot;
                },
                (t, st, par, jac) -> {
                    double x1 = st[2], x2 = st[3], z = st[4];
                    double mu = par[0];
                    double denom = 4.0 + Math.cos(z) + Math.cos(x1) + Math.cos(x2);
                    double d2 = denom * denom, d3 = d2 * denom;
                    double s1 = Math.sin(x1), s2 = Math.sin(x2), sz = Math.sin(z);
                    zero(jac);
                    jac[0][2] = -mu * (Math.cos(x1) / d2 + 2 * s1 * s1 / d3);
                    jac[0][3] = -2 * mu * s1 * s2 / d3;
                    jac[0][4] = -2 * mu * s1 * sz / d3;
                    jac[1][2] = -2 * mu * s2 * s1 / d3;
                    jac[1][3] = -mu * (Math.cos(x2) / d2 + 2 * s2 * s2 / d3);
                    jac[1][4] = -2 * mu * s2 * sz / d3;
                    jac[2][0] = 1;
                    jac[3][1] = 1;
                });
    }

    static FlowSystem circadianRhythm() {
        return new FlowSystem(
                info(
                        "CircadianRhythm",
                        params("Ki", 1, "k", 0.5, "k1", 0.3, "k2", 0.15, "kd", 1.4, "kdn", 0.4, "km", 0.4, "ks", 1, "n", 4, "ps", 24, "vc", 2.5, "vd", 6, "vdn", 1.5, "vm", 0.7, "vmax", 4.7, "vmin", 1),
                        ic(1.5401187, 5.3707921, 41.054266, 11.619073, 2004.0233),
                        27.0,
                        " Leloup, Gonze, Goldbeter. 1999. Gonze, Leloup, Goldbeter. 2000",
                        "A circadian clock (mRNA, cytosolic and nuclear protein) driven by a daily light cycle."),
                (t, st, par, out) -> {
                    double m = st[0], fc = st[1], fs = st[2], fn = st[3], th = st[4];
                    double Ki = par[0], k = par[1], k1 = par[2], k2 = par[3], kd = par[4], kdn = par[5], km = par[6], ks = par[7], n = par[8], ps = par[9], vc = par[10], vd = par[11], vdn = par[12], vm = par[13], vmax = par[14], vmin = par[15];
                    double vs = vc * (0.5 + 0.5 * Math.cos(th) + vmin) * (vmax - vmin);
                    double mdot = vs * Math.pow(Ki, n) / (Math.pow(Ki, n) + Math.pow(fn, n)) - vm * m / (km + m);
                    double fcdot = ks * m - k1 * fc + k2 * fn - k * fc;
                    double fsdot = k * fc - vd * fs / (kd + fs);
                    double fndot = k1 * fc - k2 * fn - vdn * fn / (kdn + fn);
                    double thdot = 2.0 * Math.PI / ps;
                    out[0] = mdot;
                    out[1] = fcdot;
                    out[2] = fsdot;
                    out[3] = fndot;
                    out[4] = thdot;
                },
                (t, st, par, jac) -> {
                    double m = st[0], fs = st[2], fn = st[3], th = st[4];
                    double Ki = par[0], k = par[1], k1 = par[2], k2 = par[3], kd = par[4], kdn = par[5], km = par[6], ks = par[7], n = par[8], vc = par[10], vd = par[11], vdn = par[12], vm = par[13], vmax = par[14], vmin = par[15];
                    double vs = vc * (0.5 + 0.5 * Math.cos(th) + vmin) * (vmax - vmin);
                    double kin = Math.pow(Ki, n), hill = kin + Math.pow(fn, n);
                    zero(jac);
                    jac[0][0] = -vm * km / ((km + m) * (km + m));
                    jac[0][3] = -vs * kin * n * Math.pow(fn, n - 1) / (hill * hill);
                    jac[0][4] = -vc * 0.5 * Math.sin(th) * (vmax - vmin) * kin / hill;
                    jac[1][0] = ks;
                    jac[1][1] = -k1 - k;
                    jac[1][3] = k2;
                    jac[2][1] = k;
                    jac[2][2] = -vd * kd / ((kd + fs) * (kd + fs));
                    jac[3][1] = k1;
                    jac[3][3] = -k2 - vdn * kdn / ((kdn + fn) * (kdn + fn));
                });
    }

    static FlowSystem doubleGyre() {
        return new FlowSystem(
                info(
                        "DoubleGyre",
                        params("alpha", 0.1, "eps", 0.1, "omega", 0.62832),
                        ic(1.5327241, 0.99802126, 3879.3323),
                        13.953,
                        "Shadden, Lekien, Marsden (2005). Definition and properties of Lagrangian coherent structures from finite-time Lyapunov exponents in two-dimensional aperiodic flows. Physica D.",
                        "The periodically perturbed double gyre, a standard model of transport between ocean gyres."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double alpha = par[0], eps = par[1], omega = par[2];
                    double a = eps * Math.sin(z);
                    double b = 1.0 - 2.0 * eps * Math.sin(z);
                    double f = a * (x * x) + b * x;
                    double dx = -alpha * Math.PI * Math.sin(Math.PI * f) * Math.cos(Math.PI * y);
                    double dy = alpha * Math.PI * Math.cos(Math.PI * f) * Math.sin(Math.PI * y) * (2.0 * a * x + b);
                    double dz = omega;
                    out[0] = dx;
                    out[1] = dy;
                    out[2] = dz;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double alpha = par[0], eps = par[1];
                    double a = eps * Math.sin(z), b = 1.0 - 2.0 * eps * Math.sin(z), az = eps * Math.cos(z), bz = -2.0 * eps * Math.cos(z);
                    double f = a * (x * x) + b * x, fx = 2.0 * a * x + b, fz = az * (x * x) + bz * x, fxz = 2.0 * az * x + bz;
                    double pi = Math.PI, sf = Math.sin(pi * f), cf = Math.cos(pi * f), sy = Math.sin(pi * y), cy = Math.cos(pi * y);
                    jac[0][0] = -alpha * pi * pi * cf * fx * cy;
                    jac[0][1] = alpha * pi * pi * sf * sy;
                    jac[0][2] = -alpha * pi * pi * cf * fz * cy;
                    jac[1][0] = alpha * pi * (-pi * sf * fx * fx * sy + cf * sy * 2.0 * a);
                    jac[1][1] = alpha * pi * pi * cf * cy * fx;
                    jac[1][2] = alpha * pi * (-pi * sf * fz * fx * sy + cf * sy * fxz);
                    jac[2][0] = 0;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem fluidTrampoline() {
        return new FlowSystem(
                info(
                        "FluidTrampoline",
                        params("gamma", 1.82, "psi", 0.01019, "w", 1.21),
                        ic(-0.65820064, -2.8807787, 0.1),
                        7.7351,
                        "Gilet, Bush. The fluid trampoline: droplets bouncing on a soap film. JFM 2009.",
                        "A droplet bouncing on a vibrating fluid bath, modelled as a damped impact oscillator."
                                + " Its right-hand side jumps (the contact force switches on at x = 0); its Lyapunov"
                                + " exponents take a saltation matrix at every crossing of that plane."
                                + " From the default initial condition the bouncing is chaotic for a transient"
                                + " (largest exponent about 0.055) that ends, after some hundreds to thousands of periods"
                                + " depending on the integration's rounding (datasets: 300 periods at rtol 1e-8, 2 100 at"
                                + " 1e-10), on a stable periodic bounce (exponents 0, -0.009, -0.009): long datasets and"
                                + " long estimates mix the two."),
                (t, st, par, sides, out) -> {
                    double x = st[0], y = st[1], th = st[2];
                    double gamma = par[0], psi = par[1], w = par[2];
                    double contact = SwitchingSurface.side(sides, 0, x) < 0 ? 1.0 : 0.0;
                    double xdot = y;
                    double ydot = -1.0 - contact * (x + psi * y * Math.abs(y)) + gamma * Math.cos(th);
                    double thdot = w;
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = thdot;
                },
                // The branch in force on either side; the jump of the contact force (psi y|y| at x = 0)
                // is the saltation matrix's business.
                (t, st, par, sides, jac) -> {
                    double x = st[0], y = st[1], th = st[2];
                    double gamma = par[0], psi = par[1];
                    double contact = SwitchingSurface.side(sides, 0, x) < 0 ? 1.0 : 0.0;
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = -contact;
                    jac[1][1] = -contact * psi * 2 * Math.abs(y);
                    jac[1][2] = -gamma * Math.sin(th);
                    jac[2][0] = 0;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                },
                List.of(SwitchingSurface.at(0, 0.0)));
    }

    static FlowSystem forcedBrusselator() {
        return new FlowSystem(
                info(
                        "ForcedBrusselator",
                        params("a", 0.4, "b", 1.2, "f", 0.05, "w", 0.81),
                        ic(0.40635464, 1.8192295, 6381.6484),
                        20.411,
                        "I. Prigogine, From Being to Becoming: Time and Complexity in the Physical Sciences, New York: W.H. Freeman and Company, 1980.",
                        "The Brusselator autocatalytic reaction driven periodically in x."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], f = par[2], w = par[3];
                    double xdot = a + (x * x) * y - (b + 1.0) * x + f * Math.cos(z);
                    double ydot = b * x - (x * x) * y;
                    double zdot = w;
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double b = par[1], f = par[2];
                    jac[0][0] = 2 * x * y - (b + 1.0);
                    jac[0][1] = x * x;
                    jac[0][2] = -f * Math.sin(z);
                    jac[1][0] = b - 2 * x * y;
                    jac[1][1] = -(x * x);
                    jac[1][2] = 0;
                    jac[2][0] = 0;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem forcedFitzHughNagumo() {
        return new FlowSystem(
                info(
                        "ForcedFitzHughNagumo",
                        params("a", 0.7, "b", 0.8, "curr", 0.965, "f", 0.4008225, "gamma", 0.08, "omega", 0.043650793650793655),
                        ic(-1.2155252, -0.046470891, 0.0),
                        42.12235294117647,
                        "FitzHugh, Richard (1961). Impulses and Physiological States in Theoretical Models of Nerve Membrane. Biophysical Journal. 1 (6).",
                        "The FitzHugh-Nagumo neuron driven by a periodic current."),
                (t, st, par, out) -> {
                    double v = st[0], w = st[1], z = st[2];
                    double a = par[0], b = par[1], curr = par[2], f = par[3], gamma = par[4], omega = par[5];
                    double vdot = v - (v * v * v) / 3.0 - w + curr + f * Math.sin(z);
                    double wdot = gamma * (v + a - b * w);
                    double zdot = omega;
                    out[0] = vdot;
                    out[1] = wdot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double v = st[0], z = st[2];
                    double b = par[1], f = par[3], gamma = par[4];
                    jac[0][0] = 1 - v * v;
                    jac[0][1] = -1;
                    jac[0][2] = f * Math.cos(z);
                    jac[1][0] = gamma;
                    jac[1][1] = -gamma * b;
                    jac[1][2] = 0;
                    jac[2][0] = 0;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem oscillatingFlow() {
        return new FlowSystem(
                info(
                        "OscillatingFlow",
                        params("b", 0.48, "k", 1, "omega", 0.49, "u", 0.72),
                        ic(3.14159265, 1.04719755, 0.4),
                        23.857,
                        "T. H. Solomon and J. P. Gollub, Phys. Rev. A 38, 6280 (1988).",
                        "A cellular flow whose cells oscillate sideways: chaotic transport between cells."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double b = par[0], k = par[1], omega = par[2], u = par[3];
                    double f = x + b * Math.sin(z);
                    double dx = u * Math.cos(k * y) * Math.sin(k * f);
                    double dy = -u * Math.sin(k * y) * Math.cos(k * f);
                    double dz = omega;
                    out[0] = dx;
                    out[1] = dy;
                    out[2] = dz;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double b = par[0], k = par[1], u = par[3];
                    double f = x + b * Math.sin(z), fz = b * Math.cos(z);
                    double cy = Math.cos(k * y), sy = Math.sin(k * y), cf = Math.cos(k * f), sf = Math.sin(k * f);
                    jac[0][0] = u * k * cy * cf;
                    jac[0][1] = -u * k * sy * sf;
                    jac[0][2] = u * k * cy * cf * fz;
                    jac[1][0] = u * k * sy * sf;
                    jac[1][1] = -u * k * cy * cf;
                    jac[1][2] = u * k * sy * sf * fz;
                    jac[2][0] = 0;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem stickSlipOscillator() {
        return new FlowSystem(
                info(
                        "StickSlipOscillator",
                        params("a", 1, "alpha", 0.3, "b", 1, "beta", 0.3, "eps", 0.05, "gamma", 1, "t0", 0.3, "vs", 0.4, "w", 2),
                        ic(0.85539847, -0.39125834, 0.0),
                        1.6129,
                        "Awrejcewicz, Jan, and M. M. Holicke (1999). Int J of Bifurcation and Chaos.",
                        "A forced Duffing-type oscillator with dry friction that switches between sticking and slipping."
                                + " Its right-hand side jumps (the friction at v = vs). Where both branches push towards"
                                + " v = vs the orbit sticks: it is integrated event by event and slides along the plane"
                                + " with Filippov's field (v = vs held exactly) until the friction lets go, and its"
                                + " Lyapunov exponents take a saltation matrix at every crossing. From the default state it"
                                + " settles on a periodic stick-slip cycle (largest exponent 0); each sticking stretch merges"
                                + " nearby orbits onto the plane, so the exponent across it is minus infinity."),
                (t, st, par, sides, out) -> {
                    double x = st[0], v = st[1], th = st[2];
                    double a = par[0], alpha = par[1], b = par[2], beta = par[3], eps = par[4], gamma = par[5], t0 = par[6], vs = par[7], w = par[8];
                    double tq = t0 * SwitchingSurface.side(sides, 0, v - vs) - alpha * v + beta * ((v - vs) * (v - vs) * (v - vs));
                    double xdot = v;
                    double vdot = eps * (gamma * Math.cos(th) - tq) + a * x - b * (x * x * x);
                    double thdot = w;
                    out[0] = xdot;
                    out[1] = vdot;
                    out[2] = thdot;
                },
                // The branch in force on either side of v = vs; the friction's jump is the
                // saltation matrix's business, and on a sticking stretch the integrators slide
                // along the plane with Filippov's field, whose Jacobian they take by differences.
                (t, st, par, sides, jac) -> {
                    double x = st[0], v = st[1], th = st[2];
                    double a = par[0], alpha = par[1], b = par[2], beta = par[3], eps = par[4], gamma = par[5], vs = par[7];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = a - 3 * b * (x * x);
                    jac[1][1] = eps * (alpha - 3 * beta * ((v - vs) * (v - vs)));
                    jac[1][2] = -eps * gamma * Math.sin(th);
                    jac[2][0] = 0;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                },
                List.of(SwitchingSurface.atParameter(1, 7)));
    }

    static FlowSystem turchinHanski() {
        return new FlowSystem(
                info(
                        "TurchinHanski",
                        params("a", 8, "d", 0.04, "e", 0.5, "g", 0.1, "h", 0.8, "lamb", 1, "r", 8.12, "s", 1.25),
                        ic(0.018027788, 0.013649976, 30363.85),
                        4.40529411764706,
                        "Turchin, Hanski. The American Naturalist 1997. Turchin, Hanski. Ecology 2000",
                        "A seasonally forced predator-prey model of boreal vole cycles."),
                (t, st, par, out) -> {
                    double n = st[0], p = st[1], z = st[2];
                    double a = par[0], d = par[1], e = par[2], g = par[3], h = par[4], lambda_ = par[5], r = par[6], s = par[7];
                    double ndot = r * (1.0 - e * Math.sin(z)) * n - r * (n * n) - g * (n * n) / ((n * n) + (h * h)) - a * n * p / (n + d);
                    double pdot = s * (1.0 - e * Math.sin(z)) * p - s * (p * p) / n;
                    double zdot = 2.0 * Math.PI * lambda_;
                    out[0] = ndot;
                    out[1] = pdot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double n = st[0], p = st[1], z = st[2];
                    double a = par[0], d = par[1], e = par[2], g = par[3], h = par[4], r = par[6], s = par[7];
                    double season = 1.0 - e * Math.sin(z), q = n * n + h * h;
                    jac[0][0] = r * season - 2 * r * n - g * 2 * n * (h * h) / (q * q) - a * p * d / ((n + d) * (n + d));
                    jac[0][1] = -a * n / (n + d);
                    jac[0][2] = -r * e * Math.cos(z) * n;
                    jac[1][0] = s * (p * p) / (n * n);
                    jac[1][1] = s * season - 2 * s * p / n;
                    jac[1][2] = -s * e * Math.cos(z) * p;
                    jac[2][0] = 0;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    private static final String CITE_BLINKING = "Meleshko & Aref. A blinking rotlet model for chaotic advection. Physics of Fluids 1996. See also Tallapragada and Sudarsanam PRE 2019";

    /**
     * Smooth switch between the two halves of a blinking protocol of period {@code tau}: near 1 in
     * the first half, near 0 in the second.
     */
    private static double blink(double tt, double tau) {
        return 0.5 + 0.5 * Math.tanh(tau * 20 * Math.sin(2 * Math.PI * tt / tau));
    }

    /** d {@link #blink} / d tt, for the Jacobians. */
    private static double blinkSlope(double tt, double tau) {
        double tanh = Math.tanh(tau * 20 * Math.sin(2 * Math.PI * tt / tau));
        return 0.5 * (1 - tanh * tanh) * 20 * 2 * Math.PI * Math.cos(2 * Math.PI * tt / tau);
    }

    private static FlowSystem blinkingRotlet(String name, Object[] params, double period, String description) {
        return new FlowSystem(
                info(name, params, ic(-0.08541919, -0.05204435, 0.0), period, CITE_BLINKING, description),
                (t, st, par, out) -> {
                    double r = st[0], theta = st[1], tt = st[2];
                    double a = par[0], b = par[1], bc = par[2], sigma = par[3], tau = par[4];
                    double w = blink(tt, tau);
                    // Two rotlets at +b and -b, written without a scratch array: the hot path must not allocate.
                    double a2 = a * a, r2 = r * r, cos = Math.cos(theta), sin = Math.sin(theta);
                    double dr = 0, dth = 0;
                    for (int k = 0; k < 2; k++) {
                        double bb = k == 0 ? b : -b;
                        double weight = k == 0 ? w : 1 - w;
                        double b2 = bb * bb;
                        double kappa = a2 + b2 * r2 / a2 - 2 * bb * r * cos;
                        double gamma = (1 - r2 / a2) * (a2 - b2 * r2 / a2);
                        double iota = b2 * r / a2 - bb * cos;
                        double zeta = b2 + r2 - 2 * bb * r * cos;
                        double nu = a2 + b2 - 2 * b2 * r2 / a2;
                        dr += weight * bb * sin * (-bc * (gamma / (kappa * kappa)) - 1 / kappa + 1 / zeta);
                        dth += weight
                                * (bc * gamma * iota / (kappa * kappa) + bc * r * nu / (a2 * kappa) + iota / kappa
                                        - (r - bb * cos) / zeta);
                    }
                    out[0] = sigma * dr;
                    out[1] = sigma * dth / r;
                    out[2] = 1;
                },
                ForcedFlows::blinkingRotletJacobian);
    }

    /**
     * The Jacobian of {@link #blinkingRotlet}'s field: per rotlet, the same terms as the equations
     * with their partial derivatives in r and theta; the clock enters through the blink weight.
     */
    private static void blinkingRotletJacobian(double t, double[] st, double[] par, double[][] jac) {
        double r = st[0], theta = st[1], tt = st[2];
        double a = par[0], b = par[1], bc = par[2], sigma = par[3], tau = par[4];
        double w = blink(tt, tau), wT = blinkSlope(tt, tau);
        double a2 = a * a, r2 = r * r, cos = Math.cos(theta), sin = Math.sin(theta);
        double drR = 0, drTh = 0, drT = 0, hR = 0, hTh = 0, hT = 0;
        for (int k = 0; k < 2; k++) {
            double bb = k == 0 ? b : -b;
            double weight = k == 0 ? w : 1 - w, weightT = k == 0 ? wT : -wT;
            double b2 = bb * bb;
            double kappa = a2 + b2 * r2 / a2 - 2 * bb * r * cos, kappaR = 2 * b2 * r / a2 - 2 * bb * cos, kappaTh = 2 * bb * r * sin;
            double gamma = (1 - r2 / a2) * (a2 - b2 * r2 / a2);
            double gammaR = -2 * r / a2 * (a2 - b2 * r2 / a2) - (1 - r2 / a2) * 2 * b2 * r / a2;
            double iota = b2 * r / a2 - bb * cos, iotaR = b2 / a2, iotaTh = bb * sin;
            double zeta = b2 + r2 - 2 * bb * r * cos, zetaR = 2 * r - 2 * bb * cos, zetaTh = 2 * bb * r * sin;
            double nu = a2 + b2 - 2 * b2 * r2 / a2, nuR = -4 * b2 * r / a2;
            double k2 = kappa * kappa, k3 = k2 * kappa, z2 = zeta * zeta;
            // dr = bb sin(theta) g; dth = h (the equations' bracket before the division by r).
            double g = -bc * (gamma / k2) - 1 / kappa + 1 / zeta;
            double gR = -bc * (gammaR / k2 - 2 * gamma * kappaR / k3) + kappaR / k2 - zetaR / z2;
            double gTh = 2 * bc * gamma * kappaTh / k3 + kappaTh / k2 - zetaTh / z2;
            double h = bc * gamma * iota / k2 + bc * r * nu / (a2 * kappa) + iota / kappa - (r - bb * cos) / zeta;
            double hr = bc * ((gammaR * iota + gamma * iotaR) / k2 - 2 * gamma * iota * kappaR / k3)
                    + bc * ((nu + r * nuR) / (a2 * kappa) - r * nu * kappaR / (a2 * k2))
                    + iotaR / kappa - iota * kappaR / k2
                    - (1 / zeta - (r - bb * cos) * zetaR / z2);
            double hth = bc * (gamma * iotaTh / k2 - 2 * gamma * iota * kappaTh / k3)
                    - bc * r * nu * kappaTh / (a2 * k2)
                    + iotaTh / kappa - iota * kappaTh / k2
                    - (bb * sin / zeta - (r - bb * cos) * zetaTh / z2);
            drR += weight * bb * sin * gR;
            drTh += weight * bb * (cos * g + sin * gTh);
            drT += weightT * bb * sin * g;
            hR += weight * (hr / r - h / r2);
            hTh += weight * hth / r;
            hT += weightT * h / r;
        }
        jac[0][0] = sigma * drR;
        jac[0][1] = sigma * drTh;
        jac[0][2] = sigma * drT;
        jac[1][0] = sigma * hR;
        jac[1][1] = sigma * hTh;
        jac[1][2] = sigma * hT;
        jac[2][0] = 0;
        jac[2][1] = 0;
        jac[2][2] = 0;
    }

    static FlowSystem blinkingRotlet() {
        return blinkingRotlet(
                "BlinkingRotlet",
                params("a", 1.0, "b", 0.5298833894399929, "bc", 1, "sigma", -1.0, "tau", 3),
                2.9520625,
                "Stokes flow in a disk stirred by a rotlet that blinks between two positions: chaotic advection."
                        + " Polar state (r, theta) plus the protocol clock; theta and the clock grow without bound.");
    }

    static FlowSystem blinkingVortex() {
        return blinkingRotlet(
                "BlinkingVortex",
                params("a", 1.0, "b", 0.5, "bc", 0, "sigma", -1.0, "tau", 3),
                2.7616666666666667,
                "Aref's blinking vortex: a fluid particle advected by a point vortex that switches between two"
                        + " positions (the blinking rotlet without the wall term).");
    }

    /** dysts' surface mode amplitudes, five modes of each kind; fixed, not parameters. */
    private static final double[] SQUIRMER_A = {0.5, 0.5, 0.5, 0.5, 0.5};

    private static final double[] SQUIRMER_G = {0.5, 0.5, 0.5, 0.5, 0.5};

    static FlowSystem interiorSquirmer() {
        return new FlowSystem(
                info(
                        "InteriorSquirmer",
                        params("tau", 3),
                        ic(0.1, 0.1, 0.1),
                        28.822573200111794,
                        "Blake, J. R. Self propulsion due to oscillations on the surface of a cylinder at low Reynolds number. AMS Bulletin 1971.",
                        "A tracer inside a squirming cylinder whose two families of surface modes take turns:"
                                + " Stokes flow stirred by a periodic protocol. The five mode amplitudes of each family are"
                                + " fixed at dysts' 0.5."),
                (t, st, par, out) -> {
                    double r = st[0], th = st[1], tt = st[2];
                    double tau = par[0];
                    double phase = blink(tt, tau);
                    double vr = 0, vth = 0, rn = 1;
                    for (int n = 1; n <= SQUIRMER_A.length; n++) {
                        rn *= r;
                        double a = SQUIRMER_A[n - 1] * phase, g = SQUIRMER_G[n - 1] * (1 - phase);
                        double s = Math.sin(n * th), c = Math.cos(n * th);
                        vr += (g * c + a * s) * n * rn * (r * r - 1) / r;
                        vth += (2 * r + (r * r - 1) * n / r) * (a * c - g * s) * rn;
                    }
                    out[0] = vr;
                    out[1] = vth / r;
                    out[2] = 1;
                },
                (t, st, par, jac) -> {
                    double r = st[0], th = st[1], tt = st[2];
                    double tau = par[0];
                    double phase = blink(tt, tau), dphase = blinkSlope(tt, tau);
                    double vrR = 0, vrTh = 0, vrT = 0, wR = 0, wTh = 0, wT = 0;
                    // Per mode n: vr = (g c + a s) n (r^(n+1) - r^(n-1)), vth / r = (a c - g s) ((n+2) r^n - n r^(n-2)).
                    double rn = 1, r2 = r * r;
                    for (int n = 1; n <= SQUIRMER_A.length; n++) {
                        rn *= r; // r^n, as in the equations
                        double a = SQUIRMER_A[n - 1] * phase, g = SQUIRMER_G[n - 1] * (1 - phase);
                        double at = SQUIRMER_A[n - 1] * dphase, gt = -SQUIRMER_G[n - 1] * dphase;
                        double s = Math.sin(n * th), c = Math.cos(n * th);
                        double radial = n * (rn * r - rn / r);
                        double radialR = n * ((n + 1) * rn - (n - 1) * rn / r2);
                        double swirl = (n + 2) * rn - n * rn / r2;
                        double swirlR = (n + 2) * n * rn / r - n * (n - 2) * rn / (r2 * r);
                        vrR += (g * c + a * s) * radialR;
                        vrTh += n * (a * c - g * s) * radial;
                        vrT += (gt * c + at * s) * radial;
                        wR += (a * c - g * s) * swirlR;
                        wTh += -n * (a * s + g * c) * swirl;
                        wT += (at * c - gt * s) * swirl;
                    }
                    jac[0][0] = vrR;
                    jac[0][1] = vrTh;
                    jac[0][2] = vrT;
                    jac[1][0] = wR;
                    jac[1][1] = wTh;
                    jac[1][2] = wT;
                    jac[2][0] = 0;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    /**
     * d {@link #lidVelocity} / dx ({@code alongX}) or / dy. Mode m (1 or 2, lid speed u_m) with
     * kappa = m pi / a: the x component is 2 u_m sin(kappa x) / D_m times V_m(y), the y component
     * 2 m pi u_m cos(kappa x) / D_m times W_m(y), D_m = 2 m b pi + a sinh(2 kappa b).
     */
    private static double lidVelocitySlope(
            boolean xComponent, boolean alongX, double x, double y, double a, double b, double u1, double u2) {
        double total = 0;
        for (int m = 1; m <= 2; m++) {
            double u = m == 1 ? u1 : u2, mpi = m * Math.PI, kappa = mpi / a;
            double denom = 2 * m * b * Math.PI + a * Math.sinh(2 * kappa * b);
            double sinhB = Math.sinh(kappa * b), coshB = Math.cosh(kappa * b);
            double sinhY = Math.sinh(kappa * y), coshY = Math.cosh(kappa * y);
            double sinX = Math.sin(kappa * x), cosX = Math.cos(kappa * x);
            if (xComponent) {
                double v = -b * mpi * sinhB * sinhY + coshB * (mpi * y * coshY + a * sinhY);
                double vY = -b * mpi * sinhB * kappa * coshY + coshB * (2 * mpi * coshY + mpi * y * kappa * sinhY);
                total += alongX ? 2 * u * kappa * cosX / denom * v : 2 * u * sinX / denom * vY;
            } else {
                double w = b * sinhB * coshY - coshB * y * sinhY;
                double wY = b * sinhB * kappa * sinhY - coshB * (sinhY + y * kappa * coshY);
                total += alongX ? -2 * mpi * u * kappa * sinX / denom * w : 2 * mpi * u * cosX / denom * wY;
            }
        }
        return total;
    }

    /** Cavity velocity when the lids move at speeds u1 (first mode) and u2 (second mode). */
    private static double lidVelocity(boolean xComponent, double x, double y, double a, double b, double u1, double u2) {
        double pi = Math.PI;
        if (xComponent) {
            double p1 = 2 * u1 * Math.sin(pi * x / a) / (2 * b * pi + a * Math.sinh(2 * pi * b / a));
            double p2 = 2 * u2 * Math.sin(2 * pi * x / a) / (4 * b * pi + a * Math.sinh(4 * pi * b / a));
            double v1 = -b * pi * Math.sinh(pi * b / a) * Math.sinh(pi * y / a)
                    + Math.cosh(pi * b / a) * (pi * y * Math.cosh(pi * y / a) + a * Math.sinh(pi * y / a));
            double v2 = -2 * b * pi * Math.sinh(2 * pi * b / a) * Math.sinh(2 * pi * y / a)
                    + Math.cosh(2 * pi * b / a)
                            * (2 * pi * y * Math.cosh(2 * pi * y / a) + a * Math.sinh(2 * pi * y / a));
            return p1 * v1 + p2 * v2;
        }
        double p1 = 2 * pi * u1 * Math.cos(pi * x / a) / (2 * b * pi + a * Math.sinh(2 * pi * b / a));
        double p2 = 4 * pi * u2 * Math.cos(2 * pi * x / a) / (4 * b * pi + a * Math.sinh(4 * pi * b / a));
        double v1 = b * Math.sinh(pi * b / a) * Math.cosh(pi * y / a) - Math.cosh(pi * b / a) * y * Math.sinh(pi * y / a);
        double v2 = b * Math.sinh(2 * pi * b / a) * Math.cosh(2 * pi * y / a)
                - Math.cosh(2 * pi * b / a) * y * Math.sinh(2 * pi * y / a);
        return p1 * v1 + p2 * v2;
    }

    static FlowSystem lidDrivenCavityFlow() {
        return new FlowSystem(
                info(
                        "LidDrivenCavityFlow",
                        params("a", 6.0, "b", 1.0, "tau", 1.1, "u1", 9.92786, "u2", 8.34932),
                        ic(3.966790341130254, 0.18425981346720144, 0.0),
                        2.7333134945588955,
                        "Grover et al. Chaos (2012). Topological chaos, braiding and bifurcation of almost-cyclic sets.",
                        "Stokes flow in a rectangular cavity whose lids move in a periodic protocol: chaotic mixing."
                                + " The third state is the protocol clock and grows without bound."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], tt = st[2];
                    double a = par[0], b = par[1], tau = par[2], u1 = par[3], u2 = par[4];
                    double w = blink(tt, tau);
                    out[0] = w * lidVelocity(true, x, y, a, b, u1, u2) + (1 - w) * lidVelocity(true, x, y, a, b, -u1, u2);
                    out[1] = w * lidVelocity(false, x, y, a, b, u1, u2) + (1 - w) * lidVelocity(false, x, y, a, b, -u1, u2);
                    out[2] = 1;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], tt = st[2];
                    double a = par[0], b = par[1], tau = par[2], u1 = par[3], u2 = par[4];
                    double w = blink(tt, tau), slope = blinkSlope(tt, tau);
                    // The velocity is linear in the lid speeds, so each blink phase is the same field with u1 of either sign.
                    for (int component = 0; component < 2; component++) {
                        boolean xComponent = component == 0;
                        double forward = lidVelocity(xComponent, x, y, a, b, u1, u2), backward = lidVelocity(xComponent, x, y, a, b, -u1, u2);
                        jac[component][0] = w * lidVelocitySlope(xComponent, true, x, y, a, b, u1, u2) + (1 - w) * lidVelocitySlope(xComponent, true, x, y, a, b, -u1, u2);
                        jac[component][1] = w * lidVelocitySlope(xComponent, false, x, y, a, b, u1, u2) + (1 - w) * lidVelocitySlope(xComponent, false, x, y, a, b, -u1, u2);
                        jac[component][2] = slope * (forward - backward);
                    }
                    jac[2][0] = 0;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    private static final double[] BICKLEY_EPS = {0.0075, 0.15, 0.3};
    private static final double[] BICKLEY_K = {0.313922, 0.627845, 0.941767};
    private static final double[] BICKLEY_SIGMA = {9.05854e-06, 1.28453e-05, 2.88863e-05};

    static FlowSystem bickleyJet() {
        return new FlowSystem(
                info(
                        "BickleyJet",
                        params("ell", 1.77, "omega", 1, "u", 6.266e-05),
                        ic(-0.4, 0.3, 0.0),
                        97826.57,
                        "Hadjighasem, Karrasch, Teramoto, Haller (2016). A Spectral Clustering Approach to Lagrangian Vortex Detection Phys Rev E.",
                        "A meandering zonal jet with three travelling Rossby waves: transport barriers in the stratosphere."
                                + " State (y, x, clock) in dysts' order; x and the clock grow without bound. The wave"
                                + " amplitudes, wavenumbers and speeds are fixed at dysts' values."),
                (t, st, par, out) -> {
                    double y = st[0], x = st[1], z = st[2];
                    double ell = par[0], omega = par[1], u = par[2];
                    double sech = 1 / Math.cosh(y / ell);
                    double cosSum = 0, sinSum = 0;
                    for (int i = 0; i < 3; i++) {
                        double phase = BICKLEY_K[i] * (x - z * BICKLEY_SIGMA[i]);
                        cosSum += Math.cos(phase) * BICKLEY_EPS[i];
                        sinSum += BICKLEY_EPS[i] * BICKLEY_K[i] * Math.sin(phase);
                    }
                    out[0] = ell * u * sech * sech * sinSum;
                    out[1] = u * sech * sech * (-1 - 2 * cosSum * Math.tanh(y / ell));
                    out[2] = omega;
                },
                (t, st, par, jac) -> {
                    double y = st[0], x = st[1], z = st[2];
                    double ell = par[0], u = par[2];
                    double sech = 1 / Math.cosh(y / ell), sech2 = sech * sech, tanh = Math.tanh(y / ell);
                    double cosSum = 0, sinSum = 0, cosSumZ = 0, sinSumX = 0, sinSumZ = 0;
                    for (int i = 0; i < 3; i++) {
                        double k = BICKLEY_K[i], phase = k * (x - z * BICKLEY_SIGMA[i]);
                        double cos = Math.cos(phase), sin = Math.sin(phase);
                        cosSum += cos * BICKLEY_EPS[i];
                        sinSum += BICKLEY_EPS[i] * k * sin;
                        cosSumZ += BICKLEY_EPS[i] * sin * k * BICKLEY_SIGMA[i];
                        sinSumX += BICKLEY_EPS[i] * k * k * cos;
                        sinSumZ -= BICKLEY_EPS[i] * k * k * BICKLEY_SIGMA[i] * cos;
                    }
                    // d cosSum / dx = -sinSum; d sech^2 / dy = -2 sech^2 tanh / ell; d tanh / dy = sech^2 / ell.
                    jac[0][0] = -2 * u * sech2 * tanh * sinSum;
                    jac[0][1] = ell * u * sech2 * sinSumX;
                    jac[0][2] = ell * u * sech2 * sinSumZ;
                    jac[1][0] = u * (-2 * sech2 * tanh / ell * (-1 - 2 * cosSum * tanh) - 2 * cosSum * sech2 * sech2 / ell);
                    jac[1][1] = 2 * u * sech2 * tanh * sinSum;
                    jac[1][2] = -2 * u * sech2 * tanh * cosSumZ;
                    jac[2][0] = 0;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }
}
