package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.FlowSystem;
import java.util.List;

/**
 * Mechanical oscillators and Hamiltonian systems. Periodically forced oscillators are written in
 * autonomous form as in dysts: the forcing phase is an extra state variable that grows linearly
 * in time, so the state dimension matches dysts' initial conditions.
 *
 * <p>Parameter names, default values, initial conditions, periods and citations follow dysts
 * (Gilpin 2021) so that users can move between the two; equations and descriptions are ours. Every
 * Jacobian is analytic; the catalog contract test checks it against finite differences.
 */
final class MechanicalFlows {

    private MechanicalFlows() {}

    static List<ChaoticSystem> systems() {
        return List.of(
                doublePendulum(),
                duffing(),
                forcedVanDerPol(),
                henonHeiles(),
                nuclearQuadrupole());
    }

    /** Hamiltonian form: state (theta1, theta2, p1, p2) with p the canonical momenta. Angles are not wrapped; dysts reports statistics of sin(theta). */
    static FlowSystem doublePendulum() {
        return new FlowSystem(
                info(
                        "DoublePendulum",
                        params("g", 9.81, "l1", 1.0, "l2", 1.0, "m1", 1.0, "m2", 1.0),
                        ic(-44.334542, 223.53554, -1.2249799, 2.535486),
                        4.0234,
                        "See, for example: Marion (2013). Classical dynamics of particles and systems.",
                        "Two point masses on rigid massless rods swinging under gravity, in Hamiltonian form (angles and their conjugate momenta); energy is conserved."),
                (t, st, par, out) -> {
                    double th1 = st[0], th2 = st[1], p1 = st[2], p2 = st[3];
                    double g = par[0], l1 = par[1], l2 = par[2], m1 = par[3], m2 = par[4];
                    double k0 = (l1 * l1);
                    double k1 = (1.0 / (k0));
                    double k2 = l2 * p1;
                    double k3 = th1 - th2;
                    double k4 = Math.cos(k3);
                    double k5 = l1 * p2;
                    double k6 = k4 * k5;
                    double k7 = Math.sin(k3);
                    double k8 = (k7 * k7) * m2 + m1;
                    double k9 = (1.0 / (k8));
                    double k10 = k9 / l2;
                    double k11 = (1.0 / (l1));
                    double k12 = (l2 * l2);
                    double k13 = (1.0 / (k12));
                    double k14 = m1 + m2;
                    double k15 = k2 * m2;
                    double k16 = k10 * k11 * k7 * p1 * p2;
                    double k17 = ((1.0 / 2.0)) * k1 * k13 * (k0 * k14 * (p2 * p2) + k12 * m2 * (p1 * p1) - k15 * k6) * Math.sin(2 * k3) / (k8 * k8);
                    out[0] = -k1 * k10 * (-k2 + k6);
                    out[1] = k11 * k13 * k9 * (k14 * k5 - k15 * k4) / m2;
                    out[2] = -g * k14 * l1 * Math.sin(th1) - k16 + k17;
                    out[3] = -g * l2 * m2 * Math.sin(th2) + k16 - k17;
                },
                (t, st, par, jac) -> {
                    double th1 = st[0], th2 = st[1], p1 = st[2], p2 = st[3];
                    double g = par[0], l1 = par[1], l2 = par[2], m1 = par[3], m2 = par[4];
                    double k0 = l2 * p1;
                    double k1 = th1 - th2;
                    double k2 = Math.cos(k1);
                    double k3 = l1 * p2;
                    double k4 = k2 * k3;
                    double k5 = Math.sin(k1);
                    double k6 = (k5 * k5);
                    double k7 = k6 * m2;
                    double k8 = k7 + m1;
                    double k9 = (1.0 / (k8));
                    double k10 = (1.0 / (l1));
                    double k11 = k10 * k9;
                    double k12 = k2 * m2;
                    double k13 = 2 * k12;
                    double k14 = (1.0 / (l2));
                    double k15 = k14 * k9;
                    double k16 = k10 * k15;
                    double k17 = k16 * k5;
                    double k18 = k17 * (k11 * k13 * (-k0 + k4) + p2);
                    double k19 = (l1 * l1);
                    double k20 = (1.0 / (k19));
                    double k21 = -k16 * k2;
                    double k22 = m1 + m2;
                    double k23 = k22 * k3;
                    double k24 = -k0 * k12;
                    double k25 = -2 * k15 * k2 * (k23 + k24) + p1;
                    double k26 = (l2 * l2);
                    double k27 = (1.0 / (k26));
                    double k28 = 2 * k1;
                    double k29 = Math.cos(k28);
                    double k30 = (1.0 / (k8 * k8));
                    double k31 = -k0 * k4 * m2 + k19 * k22 * (p2 * p2) + k26 * m2 * (p1 * p1);
                    double k32 = k2 * p1 * p2;
                    double k33 = Math.sin(k28);
                    double k34 = -2 * k10 * k14 * k2 * k30 * k6 * m2 * p1 * p2 - (1.0 / 2.0) * k10 * k14 * k30 * k33 * k5 * m2 * p1 * p2 + k13 * k20 * k27 * k31 * k33 * k5 / (k8 * k8 * k8) + k16 * k32 - k20 * k27 * k29 * k30 * k31;
                    double k35 = k5 * p2;
                    double k36 = ((1.0 / 2.0)) * k33 * m2;
                    double k37 = k16 * (2 * k10 * k14 * k2 * k30 * k31 * k33 * k5 * m2 - k16 * k29 * k31 + k2 * p1 * p2 - 2 * k32 * k7 * k9 - k35 * k36 * k9 * p1);
                    double k38 = k16 * (k11 * k36 * (-2 * k0 + k4) + k35);
                    double k39 = -(1.0 / 2.0) * k14 * k33 * k9 * (2 * k23 + k24) + k5 * p1;
                    jac[0][0] = k18;
                    jac[0][1] = -k18;
                    jac[0][2] = k20 * k9;
                    jac[0][3] = k21;
                    jac[1][0] = k17 * k25;
                    jac[1][1] = -k17 * k25;
                    jac[1][2] = k21;
                    jac[1][3] = k22 * k27 * k9 / m2;
                    jac[2][0] = -g * k22 * l1 * Math.cos(th1) - k34;
                    jac[2][1] = k37;
                    jac[2][2] = -k38;
                    jac[2][3] = -k16 * k39;
                    jac[3][0] = k37;
                    jac[3][1] = -g * l2 * m2 * Math.cos(th2) - k34;
                    jac[3][2] = k38;
                    jac[3][3] = k16 * k39;
                });
    }

    /** Non-autonomous: the forcing phase z = omega t is a state variable (autonomous form, as in dysts), so dz/dt = omega and the Jacobian includes d/dz of the forcing. z grows without bound; use cos(z) as the bounded observable. */
    static FlowSystem duffing() {
        return new FlowSystem(
                info(
                        "Duffing",
                        params("alpha", 1.0, "beta", -1.0, "delta", 0.1, "gamma", 0.35, "omega", 1.4),
                        ic(-1.1635382, -0.5092374, 0.0),
                        7.4496,
                        "Duffing, G. (1918), Forced oscillations with variable natural frequency and their technical relevance, Heft 41/42, Braunschweig: Vieweg.",
                        "A periodically driven, damped oscillator in a double-well (or hardening) potential."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double alpha = par[0], beta = par[1], delta = par[2], gamma = par[3], omega = par[4];
                    out[0] = y;
                    out[1] = -alpha * (x * x * x) - beta * x - delta * y + gamma * Math.cos(z);
                    out[2] = omega;
                },
                (t, st, par, jac) -> {
                    double x = st[0], z = st[2];
                    double alpha = par[0], beta = par[1], delta = par[2], gamma = par[3];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = -3 * alpha * (x * x) - beta;
                    jac[1][1] = -delta;
                    jac[1][2] = -gamma * Math.sin(z);
                    jac[2][0] = 0;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    /** Non-autonomous: the forcing phase z = w t is a state variable (autonomous form, as in dysts), so dz/dt = w and the Jacobian includes d/dz of the forcing. z grows without bound; use sin(z) as the bounded observable. */
    static FlowSystem forcedVanDerPol() {
        return new FlowSystem(
                info(
                        "ForcedVanDerPol",
                        params("a", 1.2, "mu", 8.53, "w", 0.63),
                        ic(-1.520504, 0.19640249, 687.39073),
                        14.476875,
                        "B. van der Pol (1920). A theory of the amplitude of free and forced triode vibrations. Radio Review 1.",
                        "A relaxation oscillator with nonlinear damping, driven periodically; chaotic between locking tongues."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], mu = par[1], w = par[2];
                    out[0] = y;
                    out[1] = a * Math.sin(z) - mu * y * ((x * x) - 1) - x;
                    out[2] = w;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], mu = par[1];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = -2 * mu * x * y - 1;
                    jac[1][1] = -mu * ((x * x) - 1);
                    jac[1][2] = a * Math.cos(z);
                    jac[2][0] = 0;
                    jac[2][1] = 0;
                    jac[2][2] = 0;
                });
    }

    static FlowSystem henonHeiles() {
        return new FlowSystem(
                info(
                        "HenonHeiles",
                        params("lam", 1),
                        ic(-0.29707259, -0.0031367513, 0.42548865, 0.071905482),
                        6.37,
                        "Henon, M.; Heiles, C. (1964). The applicability of the third integral of motion: Some numerical experiments. The Astronomical Journal. 69: 73.",
                        "A star moving in an axisymmetric galactic potential with a cubic perturbation; Hamiltonian, with chaos above a threshold energy."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], px = st[2], py = st[3];
                    double lam = par[0];
                    out[0] = px;
                    out[1] = py;
                    out[2] = -x * (2 * lam * y + 1);
                    out[3] = -lam * (x * x) + lam * (y * y) - y;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1];
                    double lam = par[0];
                    double k0 = 2 * lam;
                    double k1 = k0 * y;
                    double k2 = -k0 * x;
                    jac[0][0] = 0;
                    jac[0][1] = 0;
                    jac[0][2] = 1;
                    jac[0][3] = 0;
                    jac[1][0] = 0;
                    jac[1][1] = 0;
                    jac[1][2] = 0;
                    jac[1][3] = 1;
                    jac[2][0] = -k1 - 1;
                    jac[2][1] = k2;
                    jac[2][2] = 0;
                    jac[2][3] = 0;
                    jac[3][0] = k2;
                    jac[3][1] = k1 - 1;
                    jac[3][2] = 0;
                    jac[3][3] = 0;
                });
    }

    static FlowSystem nuclearQuadrupole() {
        return new FlowSystem(
                info(
                        "NuclearQuadrupole",
                        params("a", 1.0, "b", 0.55, "d", 0.4),
                        ic(-0.85591178, 1.48078342, -0.85075322, 1.63576085),
                        6.023076923076923,
                        "Baran V. and Raduta A. A. (1998), International Journal of Modern Physics E",
                        "Collective quadrupole vibrations of an atomic nucleus, a Hamiltonian system with a cubic and quartic potential."),
                (t, st, par, out) -> {
                    double q1 = st[0], q2 = st[1], p1 = st[2], p2 = st[3];
                    double a = par[0], b = par[1], d = par[2];
                    double k0 = (q1 * q1);
                    double k1 = (q2 * q2);
                    double k2 = d * (k0 + k1);
                    double k3 = Math.sqrt(2);
                    out[0] = a * p1;
                    out[1] = a * p2;
                    out[2] = -a * q1 + ((3.0 / 2.0)) * b * k3 * (k0 - k1) - k2 * q1;
                    out[3] = -q2 * (a + 3 * b * k3 * q1 + k2);
                },
                (t, st, par, jac) -> {
                    double q1 = st[0], q2 = st[1];
                    double a = par[0], b = par[1], d = par[2];
                    double k0 = (q1 * q1);
                    double k1 = 2 * d;
                    double k2 = Math.sqrt(2);
                    double k3 = (q2 * q2);
                    double k4 = a + d * (k0 + k3);
                    double k5 = 3 * b * k2;
                    double k6 = -q2 * (k1 * q1 + k5);
                    jac[0][0] = 0;
                    jac[0][1] = 0;
                    jac[0][2] = a;
                    jac[0][3] = 0;
                    jac[1][0] = 0;
                    jac[1][1] = 0;
                    jac[1][2] = 0;
                    jac[1][3] = a;
                    jac[2][0] = 3 * b * k2 * q1 - k0 * k1 - k4;
                    jac[2][1] = k6;
                    jac[2][2] = 0;
                    jac[2][3] = 0;
                    jac[3][0] = k6;
                    jac[3][1] = -k1 * k3 - k4 - k5 * q1;
                    jac[3][2] = 0;
                    jac[3][3] = 0;
                });
    }
}
