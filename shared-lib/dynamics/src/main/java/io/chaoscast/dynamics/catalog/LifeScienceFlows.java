package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;
import static io.chaoscast.dynamics.catalog.Defs.zero;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.FlowSystem;
import java.util.List;

/**
 * Chemistry, biology, ecology and neural networks, added to match dysts: reaction kinetics (BZ,
 * glycolysis, calcium), cell and tumour models, food chains and competition, small recurrent
 * networks.
 *
 * <p>Names, parameters, initial conditions, periods and citations follow dysts (Gilpin 2021).
 * Matrix- and vector-valued dysts parameters (network weights, uptake matrices) are fixed
 * constants here; the scalar ones are parameters. Jacobians use central differences.
 */
final class LifeScienceFlows {

    private LifeScienceFlows() {}

    static List<ChaoticSystem> systems() {
        return List.of(
                belousovZhabotinsky(),
                blasius(),
                caTwoPlus(),
                caTwoPlusQuasiperiodic(),
                coevolvingPredatorPrey(),
                excitableCell(),
                glycolyticOscillation(),
                isothermalChemical(),
                itikBanksTumor(),
                saltonSea(),
                beerRNN(),
                hopfield(),
                macArthur(),
                cellCycle());
    }

    static FlowSystem belousovZhabotinsky() {
        return new FlowSystem(
                info(
                        "BelousovZhabotinsky",
                        params("c1", -8.03474, "c10", 0.0223915, "c11", 7.53559e-05, "c12", 8.07384e-06, "c13", -0.000499825, "c2", 0.05408, "c3", -0.0115886, "c4", 832.587, "c5", -0.029155, "c6", 0.00321617, "c7", -0.01352, "c8", -0.0831709, "c9", -0.0199985, "ci", 0.000833, "kf", 0.00035, "t0", 2308.62, "y0", 7.72571e-06, "yb1", 6.92813e-07, "yb2", 2.00869, "yb3", 0.01352, "z0", 8.33e-06),
                        ic(0.023491701, 0.61703254, 0.84669066),
                        0.038257,
                        "Gyorgyi and Field (1992). A three-variable model of deterministic chaos in the Belousov-Zhabotinsky reaction. Nature.",
                        "Gyorgyi and Field's three-variable reduction of the Belousov-Zhabotinsky reaction in a stirred tank."),
                (t, st, par, out) -> {
                    double x = st[0], z = st[1], v = st[2];
                    double c1 = par[0], c10 = par[1], c11 = par[2], c12 = par[3], c13 = par[4], c2 = par[5], c3 = par[6], c4 = par[7], c5 = par[8], c6 = par[9], c7 = par[10], c8 = par[11], c9 = par[12], ci = par[13], kf = par[14], t0 = par[15], y0 = par[16], yb1 = par[17], yb2 = par[18], yb3 = par[19], z0 = par[20];
                    double ybar = 1.0 / y0 * yb1 * z * v / (yb2 * x + yb3 + kf);
                    x = Math.max(0.0, x);
                    double rf = (ci - z0 * z) * Math.sqrt(x);
                    double xdot = c1 * x * ybar + c2 * ybar + c3 * (x * x) + c4 * rf + c5 * x * z - kf * x;
                    double zdot = c6 / z0 * rf + c7 * x * z + c8 * z * v + c9 * z - kf * z;
                    double vdot = c10 * x * ybar + c11 * ybar + c12 * (x * x) + c13 * z * v - kf * v;
                    out[0] = xdot * t0;
                    out[1] = zdot * t0;
                    out[2] = vdot * t0;
                },
                (t, st, par, jac) -> {
                    double x = st[0], z = st[1], v = st[2];
                    double c1 = par[0], c10 = par[1], c11 = par[2], c12 = par[3], c13 = par[4], c2 = par[5], c3 = par[6], c4 = par[7], c5 = par[8], c6 = par[9], c7 = par[10], c8 = par[11], c9 = par[12], ci = par[13], kf = par[14], t0 = par[15], y0 = par[16], yb1 = par[17], yb2 = par[18], yb3 = par[19], z0 = par[20];
                    double denom = yb2 * x + yb3 + kf, scale = yb1 / y0;
                    double ybar = scale * z * v / denom, ybarX = -scale * z * v * yb2 / (denom * denom), ybarZ = scale * v / denom, ybarV = scale * z / denom;
                    // x enters through max(0, x) (and its square root) everywhere but in ybar.
                    double on = x > 0 ? 1.0 : 0.0, xp = Math.max(0.0, x), root = Math.sqrt(xp);
                    double rf = (ci - z0 * z) * root, rfX = x > 0 ? (ci - z0 * z) / (2 * root) : 0.0, rfZ = -z0 * root;
                    jac[0][0] = t0 * (c1 * (on * ybar + xp * ybarX) + c2 * ybarX + 2 * c3 * xp * on + c4 * rfX + c5 * on * z - kf * on);
                    jac[0][1] = t0 * (c1 * xp * ybarZ + c2 * ybarZ + c4 * rfZ + c5 * xp);
                    jac[0][2] = t0 * (c1 * xp * ybarV + c2 * ybarV);
                    jac[1][0] = t0 * (c6 / z0 * rfX + c7 * on * z);
                    jac[1][1] = t0 * (c6 / z0 * rfZ + c7 * xp + c8 * v + c9 - kf);
                    jac[1][2] = t0 * c8 * z;
                    jac[2][0] = t0 * (c10 * (on * ybar + xp * ybarX) + c11 * ybarX + 2 * c12 * xp * on);
                    jac[2][1] = t0 * (c10 * xp * ybarZ + c11 * ybarZ + c13 * v);
                    jac[2][2] = t0 * (c10 * xp * ybarV + c11 * ybarV + c13 * z - kf);
                });
    }

    static FlowSystem blasius() {
        return new FlowSystem(
                info(
                        "Blasius",
                        params("a", 1, "alpha1", 0.2, "alpha2", 1, "b", 1, "c", 10, "k1", 0.05, "k2", 0, "zs", 0.006),
                        ic(4.031713, 5.1113788, 0.016508812),
                        6.6038,
                        "Blasius, Huppert, Stone. Nature 1999",
                        "A plant-herbivore-predator food chain with saturating predation: the tea-cup attractor."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], alpha1 = par[1], alpha2 = par[2], b = par[3], c = par[4], k1 = par[5], k2 = par[6], zs = par[7];
                    double xdot = a * x - alpha1 * x * y / (1.0 + k1 * x);
                    double ydot = -b * y + alpha1 * x * y / (1.0 + k1 * x) - alpha2 * y * z / (1.0 + k2 * y);
                    double zdot = -c * (z - zs) + alpha2 * y * z / (1.0 + k2 * y);
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], alpha1 = par[1], alpha2 = par[2], b = par[3], c = par[4], k1 = par[5], k2 = par[6];
                    double hx = 1.0 + k1 * x, hy = 1.0 + k2 * y;
                    jac[0][0] = a - alpha1 * y / (hx * hx);
                    jac[0][1] = -alpha1 * x / hx;
                    jac[0][2] = 0;
                    jac[1][0] = alpha1 * y / (hx * hx);
                    jac[1][1] = -b + alpha1 * x / hx - alpha2 * z / (hy * hy);
                    jac[1][2] = -alpha2 * y / hy;
                    jac[2][0] = 0;
                    jac[2][1] = alpha2 * z / (hy * hy);
                    jac[2][2] = -c + alpha2 * y / hy;
                });
    }

    static FlowSystem caTwoPlus() {
        return new FlowSystem(
                info(
                        "CaTwoPlus",
                        params("K2", 0.1, "K5", 0.3194, "Ka", 0.1, "Kd", 1, "Ky", 0.3, "Kz", 0.6, "V0", 2, "V1", 2, "V4", 3, "Vm2", 6, "Vm3", 30, "Vm5", 50, "beta", 0.65, "eps", 13, "k", 10, "kf", 1, "m", 2, "n", 4, "p", 1),
                        ic(0.26162904, 1.0055612, 0.14407867),
                        1.343,
                        "Houart, Dupont, Goldbeter. Bull Math Biol 1999.",
                        "Intracellular calcium oscillations with InsP3-sensitive release and degradation."),
                LifeScienceFlows::caTwoPlusEquations,
                LifeScienceFlows::caTwoPlusJacobian);
    }

    /** The calcium model of Houart et al.; CaTwoPlusQuasiperiodic runs it at other parameters. */
    private static void caTwoPlusEquations(double t, double[] st, double[] par, double[] out) {
            double z = st[0], y = st[1], a = st[2];
            double K2 = par[0], K5 = par[1], Ka = par[2], Kd = par[3], Ky = par[4], Kz = par[5], V0 = par[6], V1 = par[7], V4 = par[8], Vm2 = par[9], Vm3 = par[10], Vm5 = par[11], beta = par[12], eps = par[13], k = par[14], kf = par[15], m = par[16], n = par[17], p = par[18];
            double Vin = V0 + V1 * beta;
            double V2 = Vm2 * (z * z) / ((K2 * K2) + (z * z));
            double V3 = Vm3 * Math.pow(z, m) / (Math.pow(Kz, m) + Math.pow(z, m)) * ((y * y) / ((Ky * Ky) + (y * y))) * ((a * a * a * a) / ((Ka * Ka * Ka * Ka) + (a * a * a * a)));
            double V5 = Vm5 * (Math.pow(a, p) / (Math.pow(K5, p) + Math.pow(a, p))) * (Math.pow(z, n) / (Math.pow(Kd, n) + Math.pow(z, n)));
            double zdot = Vin - V2 + V3 + kf * y - k * z;
            double ydot = V2 - V3 - kf * y;
            double adot = beta * V4 - V5 - eps * a;
            out[0] = zdot;
            out[1] = ydot;
            out[2] = adot;
    }

    private static void caTwoPlusJacobian(double t, double[] st, double[] par, double[][] jac) {
        double z = st[0], y = st[1], a = st[2];
        double K2 = par[0], K5 = par[1], Ka = par[2], Kd = par[3], Ky = par[4], Kz = par[5], Vm2 = par[9], Vm3 = par[10], Vm5 = par[11], eps = par[13], k = par[14], kf = par[15], m = par[16], n = par[17], p = par[18];
        // Every rate is a product of Hill functions u^h / (K^h + u^h).
        double hz3 = hill(z, Kz, m), hy3 = hill(y, Ky, 2), ha3 = hill(a, Ka, 4), ha5 = hill(a, K5, p), hz5 = hill(z, Kd, n);
        double v2z = Vm2 * hillSlope(z, K2, 2);
        double v3z = Vm3 * hillSlope(z, Kz, m) * hy3 * ha3, v3y = Vm3 * hz3 * hillSlope(y, Ky, 2) * ha3, v3a = Vm3 * hz3 * hy3 * hillSlope(a, Ka, 4);
        double v5z = Vm5 * ha5 * hillSlope(z, Kd, n), v5a = Vm5 * hillSlope(a, K5, p) * hz5;
        jac[0][0] = -v2z + v3z - k;
        jac[0][1] = v3y + kf;
        jac[0][2] = v3a;
        jac[1][0] = v2z - v3z;
        jac[1][1] = -v3y - kf;
        jac[1][2] = -v3a;
        jac[2][0] = -v5z;
        jac[2][1] = 0;
        jac[2][2] = -v5a - eps;
    }

    private static double hill(double u, double k, double h) {
        double uh = Math.pow(u, h);
        return uh / (Math.pow(k, h) + uh);
    }

    private static double hillSlope(double u, double k, double h) {
        double kh = Math.pow(k, h), sum = kh + Math.pow(u, h);
        return h * kh * Math.pow(u, h - 1) / (sum * sum);
    }

    static FlowSystem caTwoPlusQuasiperiodic() {
        return new FlowSystem(
                info(
                        "CaTwoPlusQuasiperiodic",
                        params("K2", 0.1, "K5", 0.3, "Ka", 0.2, "Kd", 0.5, "Ky", 0.2, "Kz", 0.5, "V0", 2, "V1", 2, "V4", 5, "Vm2", 6, "Vm3", 20, "Vm5", 30, "beta", 0.51, "eps", 0.1, "k", 10, "kf", 1, "m", 2, "n", 4, "p", 2),
                        ic(0.26321067, 0.87886607, 0.3148781),
                        0.65614,
                        "Houart, Dupont, Goldbeter. Bull Math Biol 1999.",
                        "The calcium oscillation model at parameters where it is close to quasi-periodic."),
                LifeScienceFlows::caTwoPlusEquations,
                LifeScienceFlows::caTwoPlusJacobian);
    }

    static FlowSystem coevolvingPredatorPrey() {
        return new FlowSystem(
                info(
                        "CoevolvingPredatorPrey",
                        params("a1", 2.5, "a2", 0.05, "a3", 0.4, "b1", 6, "b2", 1.333, "d1", 0.16, "d2", 0.004, "delta", 1, "k1", 6, "k2", 9, "k4", 9, "vv", 0.33333),
                        ic(0.10946017, 0.46664421, 0.66580212),
                        122.77,
                        "Gilpin & Feldman (2017). PLOS Comp Biol",
                        "A predator-prey model in which the prey's defence trait evolves with the populations."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], alpha = st[2];
                    double a1 = par[0], a2 = par[1], a3 = par[2], b1 = par[3], b2 = par[4], d1 = par[5], d2 = par[6], delta = par[7], k1 = par[8], k2 = par[9], k4 = par[10], vv = par[11];
                    double xdot = x * (-(a3 * y / (1.0 + b2 * x)) + a1 * alpha * (1.0 - k1 * x * (-alpha + alpha * delta)) / (1.0 + b1 * alpha) - d1 * (1.0 - k2 * (-(alpha * alpha) + ((alpha * delta) * (alpha * delta))) + k4 * (-(alpha * alpha * alpha * alpha) + ((alpha * delta) * (alpha * delta) * (alpha * delta) * (alpha * delta)))));
                    double ydot = (-d2 + a2 * x / (1.0 + b2 * x)) * y;
                    double alphadot = vv * (-(a1 * k1 * x * alpha * delta / (1.0 + b1 * alpha)) - d1 * (-2.0 * k2 * alpha * (delta * delta) + 4.0 * k4 * (alpha * alpha * alpha) * (delta * delta * delta * delta)));
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = alphadot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], alpha = st[2];
                    double a1 = par[0], a2 = par[1], a3 = par[2], b1 = par[3], b2 = par[4], d1 = par[5], d2 = par[6], delta = par[7], k1 = par[8], k2 = par[9], k4 = par[10], vv = par[11];
                    // x' = x F(x, y, alpha); F's partials, with -alpha + alpha delta = alpha (delta - 1).
                    double hx = 1.0 + b2 * x, ha = 1.0 + b1 * alpha, dm1 = delta - 1.0, d2m1 = delta * delta - 1.0, d4 = delta * delta * delta * delta;
                    double gain = a1 * (alpha - k1 * x * alpha * alpha * dm1) / ha;
                    double death = d1 * (1.0 - k2 * alpha * alpha * d2m1 + k4 * alpha * alpha * alpha * alpha * (d4 - 1.0));
                    double f = -a3 * y / hx + gain - death;
                    double fx = a3 * y * b2 / (hx * hx) - a1 * k1 * alpha * alpha * dm1 / ha;
                    double fa = a1 * ((1.0 - 2.0 * k1 * x * alpha * dm1) * ha - b1 * (alpha - k1 * x * alpha * alpha * dm1)) / (ha * ha)
                            - d1 * (-2.0 * k2 * alpha * d2m1 + 4.0 * k4 * alpha * alpha * alpha * (d4 - 1.0));
                    jac[0][0] = f + x * fx;
                    jac[0][1] = -x * a3 / hx;
                    jac[0][2] = x * fa;
                    jac[1][0] = a2 * y / (hx * hx);
                    jac[1][1] = -d2 + a2 * x / hx;
                    jac[1][2] = 0;
                    jac[2][0] = -vv * a1 * k1 * alpha * delta / ha;
                    jac[2][1] = 0;
                    jac[2][2] = vv * (-a1 * k1 * x * delta / (ha * ha) - d1 * (-2.0 * k2 * delta * delta + 12.0 * k4 * alpha * alpha * d4));
                });
    }

    static FlowSystem excitableCell() {
        return new FlowSystem(
                info(
                        "ExcitableCell",
                        params("aho", 2.5, "ahr", 0.05, "ahs", 0.07, "ams", 0.1, "amvb", 25, "amvo", 2.5, "ans", 0.01, "anvb", 20, "anvo", 2, "ar", 0.1, "bho", 2, "bhr", 0.1, "bmo", 2.7777777777777777, "bmr", 0.05555555555555555, "bms", 4, "bno", 0.375, "bnr", 0.0125, "bns", 0.125, "gi", 1800, "gkc", 11, "gkv", 1700, "gl", 7, "kc", 0.183333, "rho", 0.27, "tscl", 230, "vc", 100, "vi", 100, "vk", -75, "vl", -40, "vm", -50, "vn", -30),
                        ic(-44.57779976420271, 0.13121643614884418, 0.4658533583951385),
                        1.0,
                        "Teresa Chay. Chaos In A Three-variable Model Of An Excitable Cell. Physica D 1985",
                        "Chay's three-variable model of an excitable cell with calcium-activated potassium current: bursting and chaos."
                                + " The calcium variable c is much slower than dysts' period of one time unit, so short"
                                + " windows see only part of its excursion."),
                (t, st, par, out) -> {
                    double v = st[0], n = st[1], c = st[2];
                    double aho = par[0], ahr = par[1], ahs = par[2], ams = par[3], amvb = par[4], amvo = par[5], ans = par[6], anvb = par[7], anvo = par[8], ar = par[9], bho = par[10], bhr = par[11], bmo = par[12], bmr = par[13], bms = par[14], bno = par[15], bnr = par[16], bns = par[17], gi = par[18], gkc = par[19], gkv = par[20], gl = par[21], kc = par[22], rho = par[23], tscl = par[24], vc = par[25], vi = par[26], vk = par[27], vl = par[28];
                    double alpham = ams * (amvb + v) / (1.0 - Math.exp(-ar * v - amvo));
                    double betam = bms * Math.exp(-bmr * v - bmo);
                    double minf = alpham / (alpham + betam);
                    double alphah = ahs * Math.exp(-ahr * v - aho);
                    double betah = 1.0 / (1.0 + Math.exp(-bhr * v - bho));
                    double hinf = alphah / (alphah + betah);
                    double alphan = ans * (anvb + v) / (1.0 - Math.exp(-ar * v - anvo));
                    double betan = bns * Math.exp(-bnr * v - bno);
                    double ninf = alphan / (alphan + betan);
                    double tau = 1.0 / (tscl * (alphan + betan));
                    double ca = c / (1.0 + c);
                    double vdot = gi * (minf * minf * minf) * hinf * (vi - v) + gkv * (n * n * n * n) * (vk - v) + gkc * ca * (vk - v) + gl * (vl - v);
                    double ndot = (ninf - n) / tau;
                    double cdot = rho * ((minf * minf * minf) * hinf * (vc - v) - kc * c);
                    out[0] = vdot;
                    out[1] = ndot;
                    out[2] = cdot;
                },
                (t, st, par, jac) -> {
                    double v = st[0], n = st[1], c = st[2];
                    double aho = par[0], ahr = par[1], ahs = par[2], ams = par[3], amvb = par[4], amvo = par[5], ans = par[6], anvb = par[7], anvo = par[8], ar = par[9], bho = par[10], bhr = par[11], bmo = par[12], bmr = par[13], bms = par[14], bno = par[15], bnr = par[16], bns = par[17], gi = par[18], gkc = par[19], gkv = par[20], gl = par[21], kc = par[22], rho = par[23], tscl = par[24], vc = par[25], vi = par[26], vk = par[27];
                    // Each gating rate and its slope in v; x_inf = alpha / (alpha + beta).
                    double em = Math.exp(-ar * v - amvo), alpham = ams * (amvb + v) / (1.0 - em);
                    double alphamV = ams * ((1.0 - em) - (amvb + v) * ar * em) / ((1.0 - em) * (1.0 - em));
                    double betam = bms * Math.exp(-bmr * v - bmo), betamV = -bmr * betam;
                    double minf = alpham / (alpham + betam), minfV = (alphamV * betam - alpham * betamV) / ((alpham + betam) * (alpham + betam));
                    double alphah = ahs * Math.exp(-ahr * v - aho), alphahV = -ahr * alphah;
                    double betah = 1.0 / (1.0 + Math.exp(-bhr * v - bho)), betahV = bhr * betah * (1 - betah);
                    double hinf = alphah / (alphah + betah), hinfV = (alphahV * betah - alphah * betahV) / ((alphah + betah) * (alphah + betah));
                    double en = Math.exp(-ar * v - anvo), alphan = ans * (anvb + v) / (1.0 - en);
                    double alphanV = ans * ((1.0 - en) - (anvb + v) * ar * en) / ((1.0 - en) * (1.0 - en));
                    double betan = bns * Math.exp(-bnr * v - bno), betanV = -bnr * betan;
                    double ninf = alphan / (alphan + betan), ninfV = (alphanV * betan - alphan * betanV) / ((alphan + betan) * (alphan + betan));
                    double rate = tscl * (alphan + betan), rateV = tscl * (alphanV + betanV); // 1 / tau
                    double ca = c / (1.0 + c), caC = 1.0 / ((1.0 + c) * (1.0 + c));
                    double m3h = minf * minf * minf * hinf, m3hV = 3 * minf * minf * minfV * hinf + minf * minf * minf * hinfV;
                    jac[0][0] = gi * (m3hV * (vi - v) - m3h) - gkv * (n * n * n * n) - gkc * ca - gl;
                    jac[0][1] = 4 * gkv * (n * n * n) * (vk - v);
                    jac[0][2] = gkc * caC * (vk - v);
                    jac[1][0] = ninfV * rate + (ninf - n) * rateV;
                    jac[1][1] = -rate;
                    jac[1][2] = 0;
                    jac[2][0] = rho * (m3hV * (vc - v) - m3h);
                    jac[2][1] = 0;
                    jac[2][2] = -rho * kc;
                });
    }

    static FlowSystem glycolyticOscillation() {
        return new FlowSystem(
                info(
                        "GlycolyticOscillation",
                        params("d", 0, "k", 4.422, "l1", 500000000, "l2", 100, "nu", 1, "q1", 50, "q2", 0.02, "s1", 22.2222, "s2", 22.2222),
                        ic(29.453349256846987, 130.19350141357407, 0.18407087674169492),
                        50.45999420049144,
                        "Decroly, O.; Goldbeter, An amplified sensitivity arising from covalent modification in biological systems. A. Proc. Natl. Acad. Sci. USA 1982, 79,6917\u20136921.",
                        "A three-enzyme model of glycolysis with allosteric autocatalysis."),
                (t, st, par, out) -> {
                    double a = st[0], b = st[1], c = st[2];
                    double d = par[0], k = par[1], l1 = par[2], l2 = par[3], nu = par[4], q1 = par[5], q2 = par[6], s1 = par[7], s2 = par[8];
                    double phi = a * (1.0 + a) * ((1.0 + b) * (1.0 + b)) / (l1 + ((1.0 + a) * (1.0 + a)) * ((1.0 + b) * (1.0 + b)));
                    double eta = b * (1.0 + d * b) * ((1.0 + c) * (1.0 + c)) / (l2 + ((1.0 + d * b) * (1.0 + d * b)) * ((1.0 + c) * (1.0 + c)));
                    double adot = nu - s1 * phi;
                    double bdot = q1 * s1 * phi - s2 * eta;
                    double cdot = q2 * s2 * eta - k * c;
                    out[0] = adot;
                    out[1] = bdot;
                    out[2] = cdot;
                },
                (t, st, par, jac) -> {
                    double a = st[0], b = st[1], c = st[2];
                    double d = par[0], k = par[1], l1 = par[2], l2 = par[3], q1 = par[5], q2 = par[6], s1 = par[7], s2 = par[8];
                    // phi = a u v / L with u = 1 + a, v = (1 + b)^2, L = l1 + u^2 v; eta = b q w / M with q = 1 + d b, w = (1 + c)^2, M = l2 + q^2 w.
                    double u = 1.0 + a, v = (1.0 + b) * (1.0 + b), bigL = l1 + u * u * v;
                    double q = 1.0 + d * b, w = (1.0 + c) * (1.0 + c), bigM = l2 + q * q * w;
                    double phiA = v * ((1.0 + 2.0 * a) * bigL - 2.0 * a * u * u * v) / (bigL * bigL);
                    double phiB = a * u * l1 / (bigL * bigL) * 2.0 * (1.0 + b);
                    double etaB = w * ((q + b * d) * bigM - 2.0 * b * q * q * d * w) / (bigM * bigM);
                    double etaC = b * q * l2 / (bigM * bigM) * 2.0 * (1.0 + c);
                    jac[0][0] = -s1 * phiA;
                    jac[0][1] = -s1 * phiB;
                    jac[0][2] = 0;
                    jac[1][0] = q1 * s1 * phiA;
                    jac[1][1] = q1 * s1 * phiB - s2 * etaB;
                    jac[1][2] = -s2 * etaC;
                    jac[2][0] = 0;
                    jac[2][1] = q2 * s2 * etaB;
                    jac[2][2] = q2 * s2 * etaC - k;
                });
    }

    static FlowSystem isothermalChemical() {
        return new FlowSystem(
                info(
                        "IsothermalChemical",
                        params("delta", 1, "kappa", 2.5, "mu", 0.29786, "sigma", 0.013),
                        ic(0.5141505602006595, 0.9984288208727641, 1.0061777118724),
                        0.7302799999999999,
                        "Petrov, Scott, Showalter. Mixed-mode oscillations in chemical systems. J Chem Phys 1992",
                        "An isothermal autocatalytic reaction scheme with a slow reservoir variable."),
                (t, st, par, out) -> {
                    double alpha = st[0], beta = st[1], gamma = st[2];
                    double delta = par[0], kappa = par[1], mu = par[2], sigma = par[3];
                    double alphadot = mu * (kappa + gamma) - alpha * (beta * beta) - alpha;
                    double betadot = (alpha * (beta * beta) + alpha - beta) / sigma;
                    double gammadot = (beta - gamma) / delta;
                    out[0] = alphadot;
                    out[1] = betadot;
                    out[2] = gammadot;
                },
                (t, st, par, jac) -> {
                    double alpha = st[0], beta = st[1];
                    double delta = par[0], mu = par[2], sigma = par[3];
                    jac[0][0] = -(beta * beta) - 1;
                    jac[0][1] = -2 * alpha * beta;
                    jac[0][2] = mu;
                    jac[1][0] = (beta * beta + 1) / sigma;
                    jac[1][1] = (2 * alpha * beta - 1) / sigma;
                    jac[1][2] = 0;
                    jac[2][0] = 0;
                    jac[2][1] = 1 / delta;
                    jac[2][2] = -1 / delta;
                });
    }

    static FlowSystem itikBanksTumor() {
        return new FlowSystem(
                info(
                        "ItikBanksTumor",
                        params("a12", 1, "a13", 2.5, "a21", 1.5, "a31", 0.2, "d3", 0.5, "k3", 1, "r2", 0.6, "r3", 4.5),
                        ic(0.051730215, 0.87071642, 0.015926427),
                        49.74,
                        "Itik, Banks. Int J Bifurcat Chaos 2010",
                        "Tumour, healthy and effector (immune) cell populations competing in a tissue."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a12 = par[0], a13 = par[1], a21 = par[2], a31 = par[3], d3 = par[4], k3 = par[5], r2 = par[6], r3 = par[7];
                    double xdot = x * (1.0 - x) - a12 * x * y - a13 * x * z;
                    double ydot = r2 * y * (1.0 - y) - a21 * x * y;
                    double zdot = r3 * x * z / (x + k3) - a31 * x * z - d3 * z;
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a12 = par[0], a13 = par[1], a21 = par[2], a31 = par[3], d3 = par[4], k3 = par[5], r2 = par[6], r3 = par[7];
                    jac[0][0] = 1 - 2 * x - a12 * y - a13 * z;
                    jac[0][1] = -a12 * x;
                    jac[0][2] = -a13 * x;
                    jac[1][0] = -a21 * y;
                    jac[1][1] = r2 * (1 - 2 * y) - a21 * x;
                    jac[1][2] = 0;
                    jac[2][0] = r3 * z * k3 / ((x + k3) * (x + k3)) - a31 * z;
                    jac[2][1] = 0;
                    jac[2][2] = r3 * x / (x + k3) - a31 * x - d3;
                });
    }

    static FlowSystem saltonSea() {
        return new FlowSystem(
                info(
                        "SaltonSea",
                        params("a", 15, "d", 8.3, "k", 400, "lam", 0.06, "m", 15.5, "mu", 3.4, "r", 22, "th", 10),
                        ic(231.92548, 89.511944, 56.753804),
                        0.96738,
                        "Upadhyay, Bairagi, Kundu, Chattopadhyay (2007).Chaos in eco-epidemiological problem of the Salton Sea and its possible control. Applied mathematics and computation.",
                        "Fish, infected fish and pelicans in the Salton Sea, with disease-mediated predation."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], d = par[1], k = par[2], lam = par[3], m = par[4], mu = par[5], r = par[6], th = par[7];
                    double xdot = r * x * (1.0 - (x + y) / k) - lam * x * y;
                    double ydot = lam * x * y - m * y * z / (y + a) - mu * y;
                    double zdot = th * y * z / (y + a) - d * z;
                    out[0] = xdot;
                    out[1] = ydot;
                    out[2] = zdot;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], d = par[1], k = par[2], lam = par[3], m = par[4], mu = par[5], r = par[6], th = par[7];
                    jac[0][0] = r * (1.0 - (x + y) / k) - r * x / k - lam * y;
                    jac[0][1] = -r * x / k - lam * x;
                    jac[0][2] = 0;
                    jac[1][0] = lam * y;
                    jac[1][1] = lam * x - m * z * a / ((y + a) * (y + a)) - mu;
                    jac[1][2] = -m * y / (y + a);
                    jac[2][0] = 0;
                    jac[2][1] = th * z * a / ((y + a) * (y + a));
                    jac[2][2] = th * y / (y + a) - d;
                });
    }

    /** Beer's weights and biases, as in dysts; the matrix is fixed, the time constants too. */
    private static final double[][] BEER_W = {{5.422, -0.018, 2.75}, {-0.24, 4.59, 1.21}, {0.535, -2.25, 3.885}};

    private static final double[] BEER_TAU = {1.0, 2.5, 1.0};
    private static final double[] BEER_THETA = {-4.108, -2.787, -1.114};

    static FlowSystem beerRNN() {
        return new FlowSystem(
                info(
                        "BeerRNN",
                        params(),
                        ic(1.5014532, 2.3742845, 0.65819415),
                        181.58,
                        "Beer, R. D. (1995). On the dynamics of small continuous-time recurrent neural networks. Adapt. Behav., 3(4), 4692013509.",
                        "A three-neuron continuous-time recurrent neural network (Beer's central pattern generator weights)."
                                + " The weight matrix, biases and time constants are fixed at dysts' values, not parameters."),
                (t, st, par, out) -> {
                    for (int i = 0; i < 3; i++) {
                        double sum = 0;
                        for (int j = 0; j < 3; j++) {
                            sum += BEER_W[i][j] / (1 + Math.exp(-(st[j] + BEER_THETA[j])));
                        }
                        out[i] = (-st[i] + sum) / BEER_TAU[i];
                    }
                },
                (t, st, par, jac) -> {
                    for (int j = 0; j < 3; j++) {
                        double sigmoid = 1 / (1 + Math.exp(-(st[j] + BEER_THETA[j])));
                        double slope = sigmoid * (1 - sigmoid);
                        for (int i = 0; i < 3; i++) {
                            jac[i][j] = ((i == j ? -1 : 0) + BEER_W[i][j] * slope) / BEER_TAU[i];
                        }
                    }
                });
    }

    /** Every unit inhibits some of the others; dysts' connection matrix. */
    private static final double[][] HOPFIELD_K = {
        {0, -1, 0, 0, -1, -1},
        {0, 0, 0, -1, -1, -1},
        {-1, -1, 0, 0, -1, 0},
        {-1, -1, -1, 0, 0, 0},
        {-1, -1, 0, -1, 0, 0},
        {0, -1, -1, -1, 0, 0}
    };

    static FlowSystem hopfield() {
        return new FlowSystem(
                info(
                        "Hopfield",
                        params("beta", 0.5, "eps", 10, "tau", 2.5),
                        ic(-0.67127393, -0.2420173, -0.055676628, 0.34697948, 0.45273118, 0.78389688),
                        10.865,
                        "Lewis & Glass, Neur Comp (1992)",
                        "A six-neuron Hopfield network with inhibitory connections and a steep sigmoid."
                                + " The connection matrix is fixed at dysts' values, not a parameter."),
                (t, st, par, out) -> {
                    double beta = par[0], eps = par[1], tau = par[2];
                    for (int i = 0; i < 6; i++) {
                        double drive = 0;
                        for (int j = 0; j < 6; j++) {
                            drive += HOPFIELD_K[i][j] * st[j];
                        }
                        out[i] = -st[i] / tau + (1 + Math.tanh(eps * drive)) / 2 - beta;
                    }
                },
                (t, st, par, jac) -> {
                    double eps = par[1], tau = par[2];
                    for (int i = 0; i < 6; i++) {
                        double drive = 0;
                        for (int j = 0; j < 6; j++) {
                            drive += HOPFIELD_K[i][j] * st[j];
                        }
                        double tanh = Math.tanh(eps * drive);
                        for (int j = 0; j < 6; j++) {
                            jac[i][j] = (i == j ? -1 / tau : 0) + eps * (1 - tanh * tanh) / 2 * HOPFIELD_K[i][j];
                        }
                    }
                });
    }

    /** c[j][i]: how much of resource j species i uses; k[j][i]: its half-saturation constant. */
    private static final double[][] MACARTHUR_C = {
        {0.04, 0.04, 0.07, 0.04, 0.04},
        {0.08, 0.08, 0.08, 0.1, 0.08},
        {0.1, 0.1, 0.1, 0.1, 0.14},
        {0.05, 0.03, 0.03, 0.03, 0.03},
        {0.07, 0.09, 0.07, 0.07, 0.07}
    };

    private static final double[][] MACARTHUR_K = {
        {0.39, 0.34, 0.3, 0.24, 0.23},
        {0.22, 0.39, 0.34, 0.3, 0.27},
        {0.27, 0.22, 0.39, 0.34, 0.3},
        {0.3, 0.24, 0.22, 0.39, 0.34},
        {0.34, 0.3, 0.22, 0.2, 0.39}
    };

    private static final double[] MACARTHUR_S = {6, 10, 14, 4, 9};

    static FlowSystem macArthur() {
        return new FlowSystem(
                info(
                        "MacArthur",
                        params("d", 0.25, "m", 0.25, "r", 1),
                        ic(9.4323333, 18.838654, 34.37572, 15.08545, 42.228427, 0.17030505, 0.10144427, 0.3148045,
                                0.21253581, 0.22598604),
                        43.406,
                        "MacArthur, R. 1969. Species packing, and what competition minimizes. PNAS 64:1369. Parameter values taken from a model of phytoplankton in Huisman & Weissing. Nature 1999.",
                        "Five species competing for five resources (Huisman and Weissing): plankton chaos without forcing."
                                + " The consumption and half-saturation matrices and the supplies are fixed at dysts' values."),
                (t, st, par, out) -> {
                    double d = par[0], m = par[1], r = par[2];
                    for (int i = 0; i < 5; i++) {
                        out[i] = st[i] * (macArthurGrowth(st, r, i) - m);
                    }
                    for (int j = 0; j < 5; j++) {
                        double uptake = 0;
                        for (int i = 0; i < 5; i++) {
                            uptake += MACARTHUR_C[j][i] * macArthurGrowth(st, r, i) * st[i];
                        }
                        out[5 + j] = d * (MACARTHUR_S[j] - st[5 + j]) - uptake;
                    }
                },
                (t, st, par, jac) -> {
                    double d = par[0], m = par[1], r = par[2];
                    zero(jac);
                    // Species i grows at the Monod rate of its scarcest resource (the minimum over j); only that
                    // resource moves its rate (ties are crossed in measure zero).
                    for (int i = 0; i < 5; i++) {
                        int scarcest = 0;
                        double growth = Double.POSITIVE_INFINITY;
                        for (int j = 0; j < 5; j++) {
                            double rj = st[5 + j];
                            double g = r * rj / (MACARTHUR_K[j][i] + rj);
                            if (g < growth) {
                                growth = g;
                                scarcest = j;
                            }
                        }
                        double kj = MACARTHUR_K[scarcest][i], rj = st[5 + scarcest];
                        double slope = r * kj / ((kj + rj) * (kj + rj));
                        jac[i][i] = growth - m;
                        jac[i][5 + scarcest] = st[i] * slope;
                        for (int j = 0; j < 5; j++) {
                            jac[5 + j][i] -= MACARTHUR_C[j][i] * growth;
                            jac[5 + j][5 + scarcest] -= MACARTHUR_C[j][i] * st[i] * slope;
                        }
                    }
                    for (int j = 0; j < 5; j++) {
                        jac[5 + j][5 + j] -= d;
                    }
                });
    }

    /**
     * Liebig's law: species {@code i} grows as fast as its scarcest resource allows. Recomputed
     * rather than cached so that the right-hand side does not allocate.
     */
    private static double macArthurGrowth(double[] st, double r, int i) {
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < 5; j++) {
            double rj = st[5 + j];
            min = Math.min(min, r * rj / (MACARTHUR_K[j][i] + rj));
        }
        return min;
    }

    static FlowSystem cellCycle() {
        return new FlowSystem(
                info(
                        "CellCycle",
                        params("K", 0.01, "Kc", 0.5, "Kd1", 0.02, "Kim", 0.65, "V2", 0.15, "V4", 0.05, "Vm1", 0.3,
                                "Vm3", 0.1, "kd1", 0.001, "vd", 0.025, "vi", 0.05),
                        ic(0.71565329, 0.9489355, 0.98910371, 0.72138631, 0.94987035, 0.98912572),
                        204.71,
                        "Romond, Rustici, Gonze, Goldbeter. 1999.",
                        "Two coupled cell-cycle oscillators (cyclin, cdc2 kinase, protease), each a Goldbeter minimal model;"
                                + " each inhibits the other's cyclin synthesis."),
                (t, st, par, out) -> {
                    double c1 = st[0], m1 = st[1], x1 = st[2], c2 = st[3], m2 = st[4], x2 = st[5];
                    double k = par[0], kc = par[1], kdd = par[2], kim = par[3], v2 = par[4], v4 = par[5];
                    double vm1 = par[6], vm3 = par[7], kd1 = par[8], vd = par[9], vi = par[10];
                    double v1 = vm1 * c1 / (kc + c1);
                    double u1 = vm1 * c2 / (kc + c2);
                    double v3 = m1 * vm3;
                    double u3 = m2 * vm3;
                    out[0] = vi * kim / (kim + m2) - vd * x1 * c1 / (kdd + c1) - kd1 * c1;
                    out[1] = v1 * (1 - m1) / (k + (1 - m1)) - v2 * m1 / (k + m1);
                    out[2] = v3 * (1 - x1) / (k + (1 - x1)) - v4 * x1 / (k + x1);
                    out[3] = vi * kim / (kim + m1) - vd * x2 * c2 / (kdd + c2) - kd1 * c2;
                    out[4] = u1 * (1 - m2) / (k + (1 - m2)) - v2 * m2 / (k + m2);
                    out[5] = u3 * (1 - x2) / (k + (1 - x2)) - v4 * x2 / (k + x2);
                },
                (t, st, par, jac) -> {
                    double c1 = st[0], m1 = st[1], x1 = st[2], c2 = st[3], m2 = st[4], x2 = st[5];
                    zero(jac);
                    // Cell one is c1 m1 x1 (0, 1, 2), cell two c2 m2 x2 (3, 4, 5); each one's m inhibits the other's c.
                    cellCycleBlock(jac, 0, 3, c1, m1, x1, m2, par);
                    cellCycleBlock(jac, 3, 0, c2, m2, x2, m1, par);
                });
    }

    /**
     * One cell's rows of the CellCycle Jacobian, at {@code at .. at + 2}; {@code other} is where
     * the other cell's rows start, whose m ({@code otherM}) inhibits this cell's cyclin synthesis.
     */
    private static void cellCycleBlock(double[][] jac, int at, int other, double c, double m, double x, double otherM, double[] par) {
        double k = par[0], kc = par[1], kdd = par[2], kim = par[3], v2 = par[4], v4 = par[5];
        double vm1 = par[6], vm3 = par[7], kd1 = par[8], vd = par[9], vi = par[10];
        jac[at][at] = -vd * x * kdd / ((kdd + c) * (kdd + c)) - kd1;
        jac[at][at + 2] = -vd * c / (kdd + c);
        jac[at][other + 1] = -vi * kim / ((kim + otherM) * (kim + otherM));
        jac[at + 1][at] = vm1 * kc / ((kc + c) * (kc + c)) * (1 - m) / (k + 1 - m);
        jac[at + 1][at + 1] = -vm1 * c / (kc + c) * k / ((k + 1 - m) * (k + 1 - m)) - v2 * k / ((k + m) * (k + m));
        jac[at + 2][at + 1] = vm3 * (1 - x) / (k + 1 - x);
        jac[at + 2][at + 2] = -m * vm3 * k / ((k + 1 - x) * (k + 1 - x)) - v4 * k / ((k + x) * (k + x));
    }
}
