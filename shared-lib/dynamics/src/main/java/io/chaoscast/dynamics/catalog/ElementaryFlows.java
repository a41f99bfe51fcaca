package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;
import static io.chaoscast.dynamics.catalog.Defs.zero;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.FlowSystem;
import io.chaoscast.dynamics.systems.SystemInfo;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Autonomous flows built from elementary functions (polynomial, trigonometric, exponential), added
 * to match dysts: Lorenz-type quadratic systems, multi-scroll and multi-wing attractors, circuits,
 * a Hamiltonian (SwingingAtwood) and a kinematic flow (ArnoldBeltramiChildress).
 *
 * <p>Parameter names, default values, initial conditions, periods and citations follow dysts
 * (Gilpin 2021); parameters are listed in dysts' alphabetical order. Jacobians are analytic where
 * dysts gives one (the contract test checks them against finite differences); the others use
 * central differences.
 */
final class ElementaryFlows {

    private ElementaryFlows() {}

    static List<ChaoticSystem> systems() {
        return List.of(
                anishchenkoAstakhov(),
                atmosphericRegime(),
                bouali(),
                bouali2(),
                dequanLi(),
                guckenheimerHolmes(),
                hyperYangChen(),
                jerkCircuit(),
                kawczynskiStrizhak(),
                laser(),
                liuChen(),
                lorenzBounded(),
                lorenzCoupled(),
                luChenCheng(),
                panXuZhou(),
                pehlivanWei(),
                rabinovichFabrikant(),
                sakarya(),
                thomasLabyrinth(),
                tsucs2(),
                vallisElNino(),
                wangSun(),
                windmiReduced(),
                yuWang(),
                yuWang2(),
                zhouChen(),
                arnoldBeltramiChildress(),
                swingingAtwood(),
                torus(),
                multiChua());
    }

    static FlowSystem anishchenkoAstakhov() {
        return new FlowSystem(
                info(
                        "AnishchenkoAstakhov",
                        params("eta", 0.5, "mu", 1.2),
                        ic(3.6225814, 3.3226339, 1.9973142),
                        6.814,
                        "Anishchenko, et al. Nonlinear dynamics of chaotic and stochastic systems: tutorial and modern developments. 2007.",
                        "A self-oscillator with inertial nonlinearity: an electronic generator whose feedback saturates through a rectifier."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double eta = par[0], mu = par[1];
                    double xdot = mu * x + y - x * z;
                    double ydot = -x;
                    double zdot = -eta * z + eta * (x > 0 ? 1.0 : 0.0) * (x * x);
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], z = st[2];
                    double eta = par[0], mu = par[1];
                    jac[0][0] = mu - z;
                    jac[0][1] = 1;
                    jac[0][2] = -x;
                    jac[1][0] = -1;
                    jac[1][1] = 0;
                    jac[1][2] = 0;
                    jac[2][0] = x > 0 ? 2 * eta * x : 0;
                    jac[2][1] = 0;
                    jac[2][2] = -eta;
                });
    }

    static FlowSystem atmosphericRegime() {
        return new FlowSystem(
                info(
                        "AtmosphericRegime",
                        params("alpha", -2, "beta", -5, "mu1", 0.05, "mu2", -0.01, "omega", 3, "sigma", 1.1),
                        ic(0.026544189906947246, 0.20580772677536016, 0.43758119702219506),
                        89.59496756697331,
                        "Tuwankotta (2006). Chaos in a coupled oscillators system with widely spaced frequencies and energy-preserving non-linearity",
                        "A low-order model of switching between atmospheric flow regimes (zonal and blocked) in a quasi-geostrophic channel."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double alpha = par[0], beta = par[1], mu1 = par[2], mu2 = par[3], omega = par[4], sigma = par[5];
                    double xdot = mu1 * x + sigma * x * y;
                    double ydot = mu2 * y + omega * z + alpha * y * z + beta * (z * z) - sigma * (x * x);
                    double zdot = mu2 * z - omega * y - alpha * (y * y) - beta * y * z;
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double alpha = par[0], beta = par[1], mu1 = par[2], mu2 = par[3], omega = par[4], sigma = par[5];
                    jac[0][0] = mu1 + sigma * y;
                    jac[0][1] = sigma * x;
                    jac[0][2] = 0;
                    jac[1][0] = -2 * sigma * x;
                    jac[1][1] = mu2 + alpha * z;
                    jac[1][2] = omega + alpha * y + 2 * beta * z;
                    jac[2][0] = 0;
                    jac[2][1] = -omega - 2 * alpha * y - beta * z;
                    jac[2][2] = mu2 - beta * y;
                });
    }

    static FlowSystem bouali() {
        return new FlowSystem(
                info(
                        "Bouali",
                        params("a", 1, "b", -0.3, "bb", 1, "c", 0.05, "g", 1, "m", 1, "y0", 4),
                        ic(0.38673159, 3.0544196, -0.0067836194),
                        3.0411,
                        "Bouali (1999). Feedback loop in extended Van der Pols equation applied to an economic model of cycles. International Journal of Bifurkation and Chaos, Vol. 9, No. 4",
                        "An economic growth cycle: capital, labour and a foreign-trade variable coupled through a quadratic feedback."),
                ElementaryFlows::boualiEquations,
                ElementaryFlows::boualiJacobian);
    }

    static FlowSystem bouali2() {
        return new FlowSystem(
                info(
                        "Bouali2",
                        params("a", 3, "b", 2.2, "bb", 0, "c", 0, "g", 1, "m", -0.0026667, "y0", 1),
                        ic(-0.79392257, 1.3617589, -0.030578888),
                        7.6779,
                        "Bouali (1999). Feedback loop in extended Van der Pols equation applied to an economic model of cycles. International Journal of Bifurkation and Chaos, Vol. 9, No. 4",
                        "Bouali's three-variable attractor at its second parameter set, with a near-homoclinic loop."
                                + " At dysts' parameters z is undamped (c = bb = 0) and wanders slowly, so statistics of z"
                                + " over short windows vary from run to run."),
                ElementaryFlows::boualiEquations,
                ElementaryFlows::boualiJacobian);
    }

    /** Bouali's equations, shared by both of dysts' parameter sets. */
    private static void boualiEquations(double t, double[] st, double[] par, double[] out) {
        double x = st[0], y = st[1], z = st[2];
        double a = par[0], b = par[1], bb = par[2], c = par[3], g = par[4], m = par[5], y0 = par[6];
        out[0] = a * y0 * x - a * x * y - b * z;
        out[1] = -g * y + g * y * (x * x);
        out[2] = -1.5 * m * x + m * bb * x * z - c * z;
    }

    private static void boualiJacobian(double t, double[] st, double[] par, double[][] jac) {
        double x = st[0], y = st[1], z = st[2];
        double a = par[0], b = par[1], bb = par[2], c = par[3], g = par[4], m = par[5], y0 = par[6];
        jac[0][0] = a * y0 - a * y;
        jac[0][1] = -a * x;
        jac[0][2] = -b;
        jac[1][0] = 2 * g * x * y;
        jac[1][1] = -g + g * (x * x);
        jac[1][2] = 0;
        jac[2][0] = -1.5 * m + m * bb * z;
        jac[2][1] = 0;
        jac[2][2] = m * bb * x - c;
    }

    static FlowSystem dequanLi() {
        return new FlowSystem(
                info(
                        "DequanLi",
                        params("a", 40, "c", 1.833, "d", 0.16, "eps", 0.65, "f", 20, "k", 55),
                        ic(-11.395722, -104.12614, 202.46173),
                        0.083806,
                        "Li, Phys Lett A. 2008: 387-393.",
                        "A three-scroll attractor of a Lorenz-like quadratic system with a strong x z coupling."),
                ElementaryFlows::threeScrollEquations,
                ElementaryFlows::threeScrollJacobian);
    }

    /**
     * The quadratic three-scroll field that DequanLi, PanXuZhou and Tsucs2 share: they differ in
     * their parameters only.
     */
    private static void threeScrollEquations(double t, double[] st, double[] par, double[] out) {
        double x = st[0], y = st[1], z = st[2];
        double a = par[0], c = par[1], d = par[2], eps = par[3], f = par[4], k = par[5];
        out[0] = a * y - a * x + d * x * z;
        out[1] = k * x + f * y - x * z;
        out[2] = c * z + x * y - eps * (x * x);
    }

    private static void threeScrollJacobian(double t, double[] st, double[] par, double[][] jac) {
        double x = st[0], y = st[1], z = st[2];
        double a = par[0], c = par[1], d = par[2], eps = par[3], f = par[4], k = par[5];
        jac[0][0] = -a + d * z;
        jac[0][1] = a;
        jac[0][2] = d * x;
        jac[1][0] = k - z;
        jac[1][1] = f;
        jac[1][2] = -x;
        jac[2][0] = y - 2.0 * eps * x;
        jac[2][1] = x;
        jac[2][2] = c;
    }

    static FlowSystem guckenheimerHolmes() {
        return new FlowSystem(
                info(
                        "GuckenheimerHolmes",
                        params("a", 0.4, "b", 20.25, "c", 3, "d", 1.6, "e", 1.7, "f", 0.44),
                        ic(-0.55582369, 0.05181624, 0.37766104),
                        0.3076923076923077,
                        "Guckenheimer, John, and Philip Holmes (1983).  Nonlinear oscillations, dynamical systems, and bifurcations of vector fields. Vol. 42. Springer Science & Business Media.",
                        "A normal form for an interaction of a Hopf and a steady-state bifurcation, giving a torus that breaks into chaos."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4], f = par[5];
                    double xdot = a * x - b * y + c * z * x + d * z * (x * x) + d * z * (y * y);
                    double ydot = a * y + b * x + c * z * y;
                    double zdot = e - (z * z) - f * (x * x) - f * (y * y) - a * (z * z * z);
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], f = par[5];
                    jac[0][0] = a + c * z + 2 * d * z * x;
                    jac[0][1] = -b + 2 * d * z * y;
                    jac[0][2] = c * x + d * (x * x) + d * (y * y);
                    jac[1][0] = b;
                    jac[1][1] = a + c * z;
                    jac[1][2] = c * y;
                    jac[2][0] = -2 * f * x;
                    jac[2][1] = -2 * f * y;
                    jac[2][2] = -2 * z - 3 * a * (z * z);
                });
    }

    static FlowSystem hyperYangChen() {
        return new FlowSystem(
                info(
                        "HyperYangChen",
                        params("a", 30, "b", 3, "c", 35, "d", 8),
                        ic(3.534464234888686, 4.82852516302869, 25.04917588890622, 17.118520274514353),
                        0.9127028626966961,
                        "J\u00fcrgen Meier (2003). Presentation of Attractors with Cinema.",
                        "A Lorenz-type system extended by a fourth state fed back from x: a hyperchaotic flow with two positive exponents."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2], w = st[3];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double xdot = a * y - a * x;
                    double ydot = c * x - x * z + w;
                    double zdot = -b * z + x * y;
                    double wdot = -d * x;
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                    out[3] = wdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[0][3] = 0;
                    jac[1][0] = c - z;
                    jac[1][1] = 0;
                    jac[1][2] = -x;
                    jac[1][3] = 1;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = -b;
                    jac[2][3] = 0;
                    jac[3][0] = -d;
                    jac[3][1] = 0;
                    jac[3][2] = 0;
                    jac[3][3] = 0;
                });
    }

    static FlowSystem jerkCircuit() {
        return new FlowSystem(
                info(
                        "JerkCircuit",
                        params("eps", 1e-09, "y0", 0.026),
                        ic(-1.300882, 0.065382947, 0.91801911),
                        19.4546,
                        "Sprott (2011). A new chaotic jerk circuit. IEEE Circ. Sys. 2011.",
                        "A jerk circuit whose only nonlinearity is a diode's exponential current: stiff, since the exponent swings over many orders of magnitude."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double eps = par[0], y0 = par[1];
                    double xdot = y;
                    double ydot = z;
                    double zdot = -z - x - eps * (Math.exp(y / y0) - 1.0);
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double eps = par[0], y0 = par[1];
                    jac[0][0] = 0.0;
                    jac[0][1] = 1.0;
                    jac[0][2] = 0.0;
                    jac[1][0] = 0.0;
                    jac[1][1] = 0.0;
                    jac[1][2] = 1.0;
                    jac[2][0] = -1.0;
                    jac[2][1] = -eps * Math.exp(y / y0) / y0;
                    jac[2][2] = -1.0;
                });
    }

    static FlowSystem kawczynskiStrizhak() {
        return new FlowSystem(
                info(
                        "KawczynskiStrizhak",
                        params("beta", -0.4, "gamma", 0.49, "kappa", 0.2, "mu", 2.1),
                        ic(-1.160501, 5.8636902, -1.2031947),
                        10.991666666666667,
                        "P. E. Strizhak and A. L. Kawczynski, J. Phys. Chem. 99, 10830 (1995).",
                        "A three-variable model of a chemical oscillator with mixed-mode (bursting) oscillations."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double beta = par[0], gamma = par[1], kappa = par[2], mu = par[3];
                    double xdot = gamma * y - gamma * (x * x * x) + 3.0 * mu * gamma * x;
                    double ydot = -2.0 * mu * x - y - z + beta;
                    double zdot = kappa * x - kappa * z;
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double gamma = par[1], kappa = par[2], mu = par[3];
                    jac[0][0] = -3.0 * gamma * (x * x) + 3.0 * mu * gamma;
                    jac[0][1] = gamma;
                    jac[0][2] = 0.0;
                    jac[1][0] = -2.0 * mu;
                    jac[1][1] = -1.0;
                    jac[1][2] = -1.0;
                    jac[2][0] = kappa;
                    jac[2][1] = 0.0;
                    jac[2][2] = -kappa;
                });
    }

    static FlowSystem laser() {
        return new FlowSystem(
                info(
                        "Laser",
                        params("a", 10, "b", 1, "c", 5, "d", -1, "h", -5, "k", -6),
                        ic(-2.540801356216252, -1.940570579119389, -2.9680975444071955),
                        0.94667,
                        "Abooee, Yaghini-Bonabi, Jahed-Motlagh (2013). Analysis and circuitry realization of a novel three-dimensional chaotic system. Comm Nonline Sci 2013",
                        "A semiconductor laser model with cubic gain coupling between field and inversion."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], h = par[4], k = par[5];
                    double xdot = a * y - a * x + b * y * (z * z);
                    double ydot = c * x + d * x * (z * z);
                    double zdot = h * z + k * (x * x);
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], h = par[4], k = par[5];
                    jac[0][0] = -a;
                    jac[0][1] = a + b * (z * z);
                    jac[0][2] = 2.0 * b * y * z;
                    jac[1][0] = c + d * (z * z);
                    jac[1][1] = 0.0;
                    jac[1][2] = 2.0 * d * x * z;
                    jac[2][0] = 2.0 * k * x;
                    jac[2][1] = 0.0;
                    jac[2][2] = h;
                });
    }

    static FlowSystem liuChen() {
        return new FlowSystem(
                info(
                        "LiuChen",
                        params("a", 0.4, "b", 12, "c", -5, "h", 0, "p", 0, "q", -1, "r", 1, "s", 1),
                        ic(4.6722764, 5.2437205e-10, -6.4444208e-10),
                        8.0164,
                        "Liu, Chen. Int J Bifurcat Chaos. 2004: 1395-1403.",
                        "The Sakarya-type quadratic flow at Liu and Chen's parameters: a two-scroll attractor."),
                ElementaryFlows::sakaryaEquations,
                ElementaryFlows::sakaryaJacobian);
    }

    static FlowSystem lorenzBounded() {
        return new FlowSystem(
                info(
                        "LorenzBounded",
                        params("beta", 2.667, "r", 64, "rho", 28, "sigma", 10),
                        ic(-13.284881, -12.444334, 34.188198),
                        1.3716,
                        "Sprott & Xiong (2015). Chaos.",
                        "The Lorenz equations multiplied by a factor that confines every orbit to a ball of radius r."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double beta = par[0], r = par[1], rho = par[2], sigma = par[3];
                    double xdot = sigma * y - sigma * x - sigma / (r * r) * y * (x * x) - sigma / (r * r) * (y * y * y) - sigma / (r * r) * y * (z * z) + sigma / (r * r) * (x * x * x) + sigma / (r * r) * x * (y * y) + sigma / (r * r) * x * (z * z);
                    double ydot = rho * x - x * z - y - rho / (r * r) * (x * x * x) - rho / (r * r) * x * (y * y) - rho / (r * r) * x * (z * z) + 1.0 / (r * r) * z * (x * x * x) + 1.0 / (r * r) * x * z * (y * y) + 1.0 / (r * r) * x * (z * z * z) + 1.0 / (r * r) * y * (x * x) + 1.0 / (r * r) * (y * y * y) + 1.0 / (r * r) * y * (z * z);
                    double zdot = x * y - beta * z - 1.0 / (r * r) * y * (x * x * x) - 1.0 / (r * r) * x * (y * y * y) - 1.0 / (r * r) * x * y * (z * z) + beta / (r * r) * z * (x * x) + beta / (r * r) * z * (y * y) + beta / (r * r) * (z * z * z);
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double beta = par[0], r = par[1], rho = par[2], sigma = par[3];
                    // The right-hand side is the Lorenz field g scaled by s = 1 - |u|^2 / r^2, so J = s J_g + g (grad s)^T.
                    double s = 1 - (x * x + y * y + z * z) / (r * r), k = -2 / (r * r);
                    double gx = sigma * (y - x), gy = rho * x - x * z - y, gz = x * y - beta * z;
                    jac[0][0] = -sigma * s + gx * k * x;
                    jac[0][1] = sigma * s + gx * k * y;
                    jac[0][2] = gx * k * z;
                    jac[1][0] = (rho - z) * s + gy * k * x;
                    jac[1][1] = -s + gy * k * y;
                    jac[1][2] = -x * s + gy * k * z;
                    jac[2][0] = y * s + gz * k * x;
                    jac[2][1] = x * s + gz * k * y;
                    jac[2][2] = -beta * s + gz * k * z;
                });
    }

    static FlowSystem lorenzCoupled() {
        return new FlowSystem(
                info(
                        "LorenzCoupled",
                        params("beta", 2.667, "eps", 2.85, "rho", 28, "rho1", 35, "rho2", 1.15, "sigma", 10),
                        ic(7.0921483, 10.117408, 25.708428, 2.1689893, 0.96121877, 0.89550187),
                        1.6207,
                        "Lorenz, Edward N. Deterministic nonperiodic flow. Journal of the atmospheric sciences 20.2 (1963): 130-141.",
                        "Two Lorenz systems, the second driven by the first through a diffusive x coupling."),
                (t, st, par, out) -> {
                    double x1 = st[0], y1 = st[1], z1 = st[2], x2 = st[3], y2 = st[4], z2 = st[5];
                    double beta = par[0], eps = par[1], rho1 = par[3], rho2 = par[4], sigma = par[5];
                    double x1dot = sigma * y1 - sigma * x1;
                    double y1dot = rho1 * x1 - x1 * z1 - y1;
                    double z1dot = x1 * y1 - beta * z1;
                    double x2dot = sigma * y2 - sigma * x2 + eps * x1 - eps * x2;
                    double y2dot = rho2 * x2 - x2 * z2 - y2;
                    double z2dot = x2 * y2 - beta * z2;
                    out[0] = x1dot;
                    out[1] = y1dot;
                    out[2] = z1dot;
                    out[3] = x2dot;
                    out[4] = y2dot;
                    out[5] = z2dot;
                },
                (t, st, par, jac) -> {
                    double x1 = st[0], y1 = st[1], z1 = st[2], x2 = st[3], y2 = st[4], z2 = st[5];
                    double beta = par[0], eps = par[1], rho1 = par[3], rho2 = par[4], sigma = par[5];
                    zero(jac);
                    lorenzBlock(jac, 0, x1, y1, z1, sigma, rho1, beta);
                    lorenzBlock(jac, 3, x2, y2, z2, sigma, rho2, beta);
                    jac[3][0] = eps; // the drive
                    jac[3][3] -= eps;
                });
    }

    /** A Lorenz system's Jacobian, written at rows and columns {@code at .. at + 2}. */
    private static void lorenzBlock(double[][] jac, int at, double x, double y, double z, double sigma, double rho, double beta) {
        jac[at][at] = -sigma;
        jac[at][at + 1] = sigma;
        jac[at + 1][at] = rho - z;
        jac[at + 1][at + 1] = -1;
        jac[at + 1][at + 2] = -x;
        jac[at + 2][at] = y;
        jac[at + 2][at + 1] = x;
        jac[at + 2][at + 2] = -beta;
    }

    static FlowSystem luChenCheng() {
        return new FlowSystem(
                info(
                        "LuChenCheng",
                        params("a", -10, "b", -4, "c", 18.1),
                        ic(-5.5177615, 2.4990595, 10.461798),
                        0.92333,
                        "Lu, Chen, Cheng. Int J Bifurcat Chaos. 2004: 1507--1537.",
                        "A multi-scroll variant of the Lu-Chen system with a constant forcing of x."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    double xdot = -(a * b) / (a + b) * x - y * z + c;
                    double ydot = a * y + x * z;
                    double zdot = b * z + x * y;
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    jac[0][0] = -(a * b) / (a + b);
                    jac[0][1] = -z;
                    jac[0][2] = -y;
                    jac[1][0] = z;
                    jac[1][1] = a;
                    jac[1][2] = x;
                    jac[2][0] = y;
                    jac[2][1] = x;
                    jac[2][2] = b;
                });
    }

    static FlowSystem panXuZhou() {
        return new FlowSystem(
                info(
                        "PanXuZhou",
                        params("a", 10, "c", -2.6667, "d", 0, "eps", 0, "f", 0, "k", 16),
                        ic(-3.03805747, -1.98052429, 14.65665869),
                        1.7829,
                        "Zhou, Wuneng, et al. On dynamics analysis of a new chaotic attractor. Physics Letters A 372.36 (2008): 5773-5777..",
                        "A Lorenz-like quadratic system with a single product nonlinearity per equation."
                                + " At dysts' parameters the chaos is transient: the equilibria (+-6.53, +-6.53, 16) are"
                                + " stable foci (eigenvalues -12.6, -0.055 +- 8.24i), and from dysts' initial condition the"
                                + " orbit is chaotic for about 50 periods (the window dysts' statistics describe) before it"
                                + " spirals into one of them."),
                ElementaryFlows::threeScrollEquations,
                ElementaryFlows::threeScrollJacobian);
    }

    static FlowSystem pehlivanWei() {
        return new FlowSystem(
                info(
                        "PehlivanWei",
                        params(),
                        ic(0.21665608, 0.86710502, 0.50627859),
                        3.7487330316742087,
                        "Pehlivan, Ihsan, and Wei Zhouchao (2012). Analysis, nonlinear control, and chaos generator circuit of another strange chaotic system.",
                        "A parameter-free quadratic flow with one line of equilibria-free dynamics, designed for circuit realisation."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double xdot = y - y * z;
                    double ydot = y + y * z - 2.0 * x;
                    double zdot = 2.0 - x * y - (y * y);
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    jac[0][0] = 0.0;
                    jac[0][1] = 1.0 - z;
                    jac[0][2] = -y;
                    jac[1][0] = -2.0;
                    jac[1][1] = 1.0 + z;
                    jac[1][2] = y;
                    jac[2][0] = -y;
                    jac[2][1] = -x - 2.0 * y;
                    jac[2][2] = 0.0;
                });
    }

    static FlowSystem rabinovichFabrikant() {
        return new FlowSystem(
                info(
                        "RabinovichFabrikant",
                        params("a", 1.1, "g", 0.87),
                        ic(-1.8207276, 0.83440917, 0.2078248),
                        2.3356,
                        "Rabinovich, Mikhail I.; Fabrikant, A. L. (1979). Stochastic Self-Modulation of Waves in Nonequilibrium Media. Sov. Phys. JETP.",
                        "Modulation instability in a non-equilibrium dissipative medium: cubic terms make a multi-sheeted attractor."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], g = par[1];
                    double xdot = y * z - y + y * (x * x) + g * x;
                    double ydot = 3.0 * x * z + x - (x * x * x) + g * y;
                    double zdot = -2.0 * a * z - 2.0 * x * y * z;
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], g = par[1];
                    jac[0][0] = 2 * x * y + g;
                    jac[0][1] = z - 1 + x * x;
                    jac[0][2] = y;
                    jac[1][0] = 3 * z + 1 - 3 * (x * x);
                    jac[1][1] = g;
                    jac[1][2] = 3 * x;
                    jac[2][0] = -2 * y * z;
                    jac[2][1] = -2 * x * z;
                    jac[2][2] = -2 * a - 2 * x * y;
                });
    }

    static FlowSystem sakarya() {
        return new FlowSystem(
                info(
                        "Sakarya",
                        params("a", -1, "b", 1, "c", 1, "h", 1, "p", 1, "q", 0.4, "r", 0.3, "s", 1),
                        ic(-2.8976045, 3.8877978, 3.07465),
                        4.9844,
                        "Li, Chunbiao, et al (2015). A novel four-wing strange attractor born in bistability. IEICE Electronics Express 12.4.",
                        "A quadratic flow with a symmetric two-wing attractor found in a circuit study."),
                ElementaryFlows::sakaryaEquations,
                ElementaryFlows::sakaryaJacobian);
    }

    /** Sakarya's vector field; LiuChen is the same flow at other parameters (as in dysts). */
    private static void sakaryaEquations(double t, double[] st, double[] par, double[] out) {
            double x = st[0], y = st[1], z = st[2];
            double a = par[0], b = par[1], c = par[2], h = par[3], p = par[4], q = par[5], r = par[6], s = par[7];
            double xdot = a * x + h * y + s * y * z;
            double ydot = -b * y - p * x + q * x * z;
            double zdot = c * z - r * x * y;
            out[0] = xdot;
            out[1] = ydot;
            out[2] = zdot;
    }

    private static void sakaryaJacobian(double t, double[] st, double[] par, double[][] jac) {
            double x = st[0], y = st[1], z = st[2];
            double a = par[0], b = par[1], c = par[2], h = par[3], p = par[4], q = par[5], r = par[6], s = par[7];
            jac[0][0] = a;
            jac[0][1] = h + s * z;
            jac[0][2] = s * y;
            jac[1][0] = -p + q * z;
            jac[1][1] = -b;
            jac[1][2] = q * x;
            jac[2][0] = -r * y;
            jac[2][1] = -r * x;
            jac[2][2] = c;
    }

    static FlowSystem thomasLabyrinth() {
        return new FlowSystem(
                info(
                        "ThomasLabyrinth",
                        params("a", 0.5, "b", 10),
                        ic(-4.9599545, 1.0302034, -4.6883893),
                        6.05,
                        "Thomas, Rene. Deterministic chaos seen in terms of feedback circuits: Analysis, synthesis, labyrinth chaos. Int. J. Bifurc. Chaos. (1999).",
                        "Thomas' cyclically symmetric flow at low damping, where orbits wander a labyrinth of the periodic lattice."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    double xdot = -a * x + b * Math.sin(y);
                    double ydot = -a * y + b * Math.sin(z);
                    double zdot = -a * z + b * Math.sin(x);
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    jac[0][0] = -a;
                    jac[0][1] = b * Math.cos(y);
                    jac[0][2] = 0.0;
                    jac[1][0] = 0.0;
                    jac[1][1] = -a;
                    jac[1][2] = b * Math.cos(z);
                    jac[2][0] = b * Math.cos(x);
                    jac[2][1] = 0.0;
                    jac[2][2] = -a;
                });
    }

    static FlowSystem tsucs2() {
        return new FlowSystem(
                info(
                        "Tsucs2",
                        params("a", 40, "c", 0.833, "d", 0.5, "eps", 0.65, "f", 20, "k", 0),
                        ic(1.2969944, 1.12138, 50.028988),
                        0.34526,
                        "Pan, Zhou, Li (2013). Synchronization of Three-Scroll Unified Chaotic System (TSUCS) and its hyper-chaotic system using active pinning control",
                        "A three-scroll attractor, a variant of the DequanLi system."),
                ElementaryFlows::threeScrollEquations,
                ElementaryFlows::threeScrollJacobian);
    }

    static FlowSystem vallisElNino() {
        return new FlowSystem(
                info(
                        "VallisElNino",
                        params("b", 102, "c", 3, "p", 0),
                        ic(-6.99286331487343, 0.023254276622294345, -0.1658177563067799),
                        2.2087,
                        "Vallis GK. Conceptual models of El Nio and the southern oscillation. J Geophys Res 1988",
                        "A three-mode model of the El Nino Southern Oscillation: ocean current and temperature difference across the Pacific."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double b = par[0], c = par[1], p = par[2];
                    double xdot = b * y - c * x - c * p;
                    double ydot = -y + x * z;
                    double zdot = -z - x * y + 1.0;
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double b = par[0], c = par[1];
                    jac[0][0] = -c;
                    jac[0][1] = b;
                    jac[0][2] = 0;
                    jac[1][0] = z;
                    jac[1][1] = -1;
                    jac[1][2] = x;
                    jac[2][0] = -y;
                    jac[2][1] = -x;
                    jac[2][2] = -1;
                });
    }

    static FlowSystem wangSun() {
        return new FlowSystem(
                info(
                        "WangSun",
                        params("a", 0.2, "b", -0.01, "d", -0.4, "e", -1, "f", -1, "q", 1),
                        ic(-0.54770787, 0.73876479, -0.0049284531),
                        26.958,
                        "Wang, Z., Sun, Y., van Wyk, B. J., Qi, G. & van Wyk, M. A (2009). A 3-D four-wing attractor and its analysis. Brazilian J. Phys. 39.",
                        "A four-wing quadratic attractor with one product term per equation."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], d = par[2], e = par[3], f = par[4], q = par[5];
                    double xdot = a * x + q * y * z;
                    double ydot = b * x + d * y - x * z;
                    double zdot = e * z + f * x * y;
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], d = par[2], e = par[3], f = par[4], q = par[5];
                    jac[0][0] = a;
                    jac[0][1] = q * z;
                    jac[0][2] = q * y;
                    jac[1][0] = b - z;
                    jac[1][1] = d;
                    jac[1][2] = -x;
                    jac[2][0] = f * y;
                    jac[2][1] = f * x;
                    jac[2][2] = e;
                });
    }

    static FlowSystem windmiReduced() {
        return new FlowSystem(
                info(
                        "WindmiReduced",
                        params("a1", 0.247, "b1", 10.8, "b2", 0.0752, "b3", 1.06, "d1", 2200, "vsw", 5),
                        ic(0.93337506, 6.2678923, 41.969547),
                        4.6733,
                        "Smith, Thiffeault, Horton. J Geophys Res. 2000. Horton, Weigel, Sprott. Chaos 2001.",
                        "A reduced model of the solar-wind driven magnetosphere-ionosphere system (substorms)."),
                (t, st, par, out) -> {
                    double i = st[0], v = st[1], p = st[2];
                    double a1 = par[0], b1 = par[1], b2 = par[2], b3 = par[3], d1 = par[4], vsw = par[5];
                    double idot = a1 * (vsw - v);
                    double vdot = b1 * i - b2 * p / 2.0 - b3 * v;
                    double pdot = (vsw * vsw) - Math.pow(p, 5.0 / 4.0) * Math.pow(vsw, 1.0 / 2.0) * (1.0 + Math.tanh(d1 * (i - 1.0))) / 2.0;
                    out[0] = idot;
                    out[1] = vdot;
                    out[2] = pdot;
                },
                (t, st, par, jac) -> {
                    double i = st[0], p = st[2];
                    double a1 = par[0], b1 = par[1], b2 = par[2], b3 = par[3], d1 = par[4], vsw = par[5];
                    double tanh = Math.tanh(d1 * (i - 1.0)), root = Math.pow(vsw, 1.0 / 2.0);
                    jac[0][0] = 0;
                    jac[0][1] = -a1;
                    jac[0][2] = 0;
                    jac[1][0] = b1;
                    jac[1][1] = -b3;
                    jac[1][2] = -b2 / 2.0;
                    jac[2][0] = -Math.pow(p, 5.0 / 4.0) * root * d1 * (1 - tanh * tanh) / 2.0;
                    jac[2][1] = 0;
                    jac[2][2] = -1.25 * Math.pow(p, 1.0 / 4.0) * root * (1.0 + tanh) / 2.0;
                });
    }

    static FlowSystem yuWang() {
        return yuWangFlow(
                info(
                        "YuWang",
                        params("a", 10, "b", 40, "c", 2, "d", 2.5),
                        ic(-0.21422356, -0.17935495, 14.105516),
                        1.3366,
                        "Yu, Wang (2012). A novel three dimension autonomous chaotic system with a quadratic exponential nonlinear term. Eng Techn & Applied Science Research.",
                        "A Lorenz-like flow whose z equation is driven by exp(x y)."),
                Math::exp,
                Math::exp);
    }

    static FlowSystem yuWang2() {
        return yuWangFlow(
                info(
                        "YuWang2",
                        params("a", 10, "b", 30, "c", 2, "d", 2.5),
                        ic(0.12581483, 1.2467348, 18.358568),
                        0.39265,
                        "Yu, Wang (2012). A novel three dimension autonomous chaotic system with a quadratic exponential nonlinear term. Eng Techn & Applied Science Research.",
                        "The YuWang flow with cosh(x y) in place of the exponential."),
                Math::cosh,
                Math::sinh);
    }

    /** The YuWang field with {@code g(x y)} driving z; {@code dg} is the derivative of g. */
    private static FlowSystem yuWangFlow(SystemInfo info, DoubleUnaryOperator g, DoubleUnaryOperator dg) {
        return new FlowSystem(
                info,
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    out[0] = a * (y - x);
                    out[1] = b * x - c * x * z;
                    out[2] = g.applyAsDouble(x * y) - d * z;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double slope = dg.applyAsDouble(x * y);
                    jac[0][0] = -a;
                    jac[0][1] = a;
                    jac[0][2] = 0.0;
                    jac[1][0] = b - c * z;
                    jac[1][1] = 0.0;
                    jac[1][2] = -c * x;
                    jac[2][0] = y * slope;
                    jac[2][1] = x * slope;
                    jac[2][2] = -d;
                });
    }

    static FlowSystem zhouChen() {
        return new FlowSystem(
                info(
                        "ZhouChen",
                        params("a", 2.97, "b", 0.15, "c", -3, "d", 1, "e", -8.78),
                        ic(-0.60390203, 0.012111953, 0.00083277923),
                        0.87518,
                        "Zhou, Chen (2004). A simple smooth chaotic system with a 3-layer attractor. Int J Bifurcat Chaos, 2004",
                        "A quadratic flow with a two-wing attractor, from a study of generalised Lorenz systems."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4];
                    double xdot = a * x + b * y + y * z;
                    double ydot = c * y - x * z + d * y * z;
                    double zdot = e * z - x * y;
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4];
                    jac[0][0] = a;
                    jac[0][1] = b + z;
                    jac[0][2] = y;
                    jac[1][0] = -z;
                    jac[1][1] = c + d * z;
                    jac[1][2] = -x + d * y;
                    jac[2][0] = -y;
                    jac[2][1] = -x;
                    jac[2][2] = e;
                });
    }

    static FlowSystem arnoldBeltramiChildress() {
        return new FlowSystem(
                info(
                        "ArnoldBeltramiChildress",
                        params("a", 1.73205, "b", 1.41421, "c", 1),
                        ic(147.91266, -1762.805, -647.37622),
                        2.8508,
                        "V. I. Arnold, Journal of Applied Mathematics and Mechanics 30, 223 (1966).",
                        "A steady, exactly Beltrami flow on the three-torus whose particle paths are chaotic: the classic kinematic dynamo test flow."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    double dx = a * Math.sin(z) + c * Math.cos(y);
                    double dy = b * Math.sin(x) + a * Math.cos(z);
                    double dz = c * Math.sin(y) + b * Math.cos(x);
                    out[0] = dx;
                    out[1] = dy;
                    out[2] = dz;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2];
                    jac[0][0] = 0;
                    jac[0][1] = -c * Math.sin(y);
                    jac[0][2] = a * Math.cos(z);
                    jac[1][0] = b * Math.cos(x);
                    jac[1][1] = 0;
                    jac[1][2] = -a * Math.sin(z);
                    jac[2][0] = -b * Math.sin(x);
                    jac[2][1] = c * Math.cos(y);
                    jac[2][2] = 0;
                });
    }

    static FlowSystem swingingAtwood() {
        return new FlowSystem(
                info(
                        "SwingingAtwood",
                        params("m1", 1, "m2", 4.5),
                        ic(0.113296, 1.5707963267948966, 0.10992, 0.17747),
                        0.3417647058823529,
                        "Tufillaro, Nicholas B.; Abbott, Tyler A.; Griffiths, David J. (1984). Swinging Atwood's Machine. American Journal of Physics. 52 (10): 895--903.",
                        "Atwood's machine with one mass allowed to swing in the plane: a Hamiltonian system, chaotic at this mass ratio."),
                (t, st, par, out) -> {
                    double r = st[0], th = st[1], pr = st[2], pth = st[3];
                    double m1 = par[0], m2 = par[1];
                    double g = 9.82;
                    double rdot = pr / (m1 + m2);
                    double thdot = pth / (m1 * (r * r));
                    double prdot = (pth * pth) / (m1 * (r * r * r)) - m2 * g + m1 * g * Math.cos(th);
                    double pthdot = -m1 * g * r * Math.sin(th);
                    out[0] = rdot;
                    out[1] = thdot;
                    out[2] = prdot;
                    out[3] = pthdot;
                },
                (t, st, par, jac) -> {
                    double r = st[0], th = st[1], pth = st[3];
                    double m1 = par[0], m2 = par[1];
                    double g = 9.82;
                    jac[0][0] = 0;
                    jac[0][1] = 0;
                    jac[0][2] = 1 / (m1 + m2);
                    jac[0][3] = 0;
                    jac[1][0] = -2 * pth / (m1 * (r * r * r));
                    jac[1][1] = 0;
                    jac[1][2] = 0;
                    jac[1][3] = 1 / (m1 * (r * r));
                    jac[2][0] = -3 * (pth * pth) / (m1 * (r * r * r * r));
                    jac[2][1] = -m1 * g * Math.sin(th);
                    jac[2][2] = 0;
                    jac[2][3] = 2 * pth / (m1 * (r * r * r));
                    jac[3][0] = -m1 * g * Math.sin(th);
                    jac[3][1] = -m1 * g * r * Math.cos(th);
                    jac[3][2] = 0;
                    jac[3][3] = 0;
                });
    }

    static FlowSystem torus() {
        return new FlowSystem(
                info(
                        "Torus",
                        params("a", 0.5, "n", 15.3, "r", 1),
                        ic(-13.72884, 1.9094726, 0.72831447),
                        6.36,
                        "See, for example, Strogatz (1994). Nonlinear Dynamics and Chaos.",
                        "A curve winding around a torus, advanced by explicit time: quasi-periodic rather than chaotic; kept because dysts lists it."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], n = par[1], r = par[2];
                    double xdot = -a * n * Math.sin(n * t) * Math.cos(t) - (r + a * Math.cos(n * t)) * Math.sin(t);
                    double ydot = -a * n * Math.sin(n * t) * Math.sin(t) + (r + a * Math.cos(n * t)) * Math.cos(t);
                    double zdot = a * n * Math.cos(n * t);
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    // The velocity is a function of time alone.
                    jac[0][0] = 0;
                    jac[0][1] = 0;
                    jac[0][2] = 0;
                    jac[1][0] = 0;
                    jac[1][1] = 0;
                    jac[1][2] = 0;
                    jac[2][0] = 0;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    private static final double[] MULTICHUA_C = {0, 1.0, 2.15, 3.6, 8.2, 13.0};
    private static final double[] MULTICHUA_M = {-0.14285714, 0.28571429, -0.57142857, 0.28571429, -0.57142857, 0.28571429};

    static FlowSystem multiChua() {
        return new FlowSystem(
                info(
                        "MultiChua",
                        params("a", 9, "b", 14.286),
                        ic(-21.160123, 1.0322356, 27.405269),
                        2.2586,
                        "Mufcstak E. Yalcin, Johan A. K. Suykens, Joos Vandewalle. Cellular Neural Networks, Multi-Scroll Chaos And Synchronization. ",
                        "Chua's circuit with a many-segment piecewise-linear diode, giving a multi-scroll attractor."
                                + " The diode's breakpoints and slopes are fixed at dysts' values."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1];
                    double diode = MULTICHUA_M[5] * x;
                    for (int i = 1; i < 6; i++) {
                        diode += 0.5 * (MULTICHUA_M[i - 1] - MULTICHUA_M[i])
                                * (Math.abs(x + MULTICHUA_C[i]) - Math.abs(x - MULTICHUA_C[i]));
                    }
                    out[0] = a * (y - diode);
                    out[1] = x - y + z;
                    out[2] = -b * y;
                },
                (t, st, par, jac) -> {
                    double x = st[0];
                    double a = par[0], b = par[1];
                    // The diode is piecewise linear: its slope, defined everywhere but at the breakpoints.
                    double slope = MULTICHUA_M[5];
                    for (int i = 1; i < 6; i++) {
                        slope += 0.5 * (MULTICHUA_M[i - 1] - MULTICHUA_M[i]) * (Math.signum(x + MULTICHUA_C[i]) - Math.signum(x - MULTICHUA_C[i]));
                    }
                    jac[0][0] = -a * slope;
                    jac[0][1] = a;
                    jac[0][2] = 0;
                    jac[1][0] = 1;
                    jac[1][1] = -1;
                    jac[1][2] = 1;
                    jac[2][0] = 0;
                    jac[2][1] = -b;
                    jac[2][2] = 0;
                });
    }
}
