package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.FlowSystem;
import java.util.List;

/**
 * Models of electronic circuits. Several have piecewise-linear elements; for those the Jacobian is
 * the derivative of the branch in force at the given state and is undefined only on the switching
 * surfaces, which trajectories cross in measure zero.
 *
 * <p>Parameter names, default values, initial conditions, periods and citations follow dysts
 * (Gilpin 2021) so that users can move between the two; equations and descriptions are ours. Every
 * Jacobian is analytic; the catalog contract test checks it against finite differences.
 */
final class CircuitFlows {

    private CircuitFlows() {}

    static List<ChaoticSystem> systems() {
        return List.of(
                chua(),
                colpitts(),
                sanUmSrisuchinwong(),
                cellularNeuralNetwork());
    }

    /** Piecewise linear: the Jacobian is that of the linear piece in force (sign(x +/- 1)), undefined only on the switching planes x = +/-1. */
    static FlowSystem chua() {
        return new FlowSystem(
                info(
                        "Chua",
                        params("alpha", 15.6, "beta", 28.0, "m0", -1.142857, "m1", -0.71429),
                        ic(1.1262351, -0.11386474, -0.78324421),
                        1.4235,
                        "Chua, L. O. (1969) Introduction to Nonlinear Network Theory, McGraw-Hill, New York.",
                        "An electronic circuit with a piecewise-linear nonlinear resistor (Chua diode); its double-scroll attractor is the classic hardware chaos."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double alpha = par[0], beta = par[1], m0 = par[2], m1 = par[3];
                    double k0 = x - y;
                    out[0] = -alpha * (k0 + m1 * x - (1.0 / 2.0) * (m0 - m1) * (Math.abs(x - 1) - Math.abs(x + 1)));
                    out[1] = k0 + z;
                    out[2] = -beta * y;
                },
                (t, st, par, jac) -> {
                    double x = st[0];
                    double alpha = par[0], beta = par[1], m0 = par[2], m1 = par[3];
                    jac[0][0] = -alpha * (m1 - (1.0 / 2.0) * (m0 - m1) * (Math.signum(x - 1) - Math.signum(x + 1)) + 1);
                    jac[0][1] = alpha;
                    jac[0][2] = 0;
                    jac[1][0] = 1;
                    jac[1][1] = -1;
                    jac[1][2] = 1;
                    jac[2][0] = 0;
                    jac[2][1] = -beta;
                    jac[2][2] = 0;
                });
    }

    /** Piecewise linear: the transistor current is -min(z - (e - 1), 0); the Jacobian is that of the branch in force. */
    static FlowSystem colpitts() {
        return new FlowSystem(
                info(
                        "Colpitts",
                        params("a", 30, "b", 0.8, "c", 20, "d", 0.08, "e", 10),
                        ic(8.9389043, 0.64637337, 8.7869304),
                        4.2676,
                        "Kennedy (2007). IEEE Trans Circuits & Systems. 1994: 771-774. Li, Zhou, Yang. Chaos, Solitons, & Fractals.",
                        "A model of the Colpitts transistor oscillator whose exponential junction is replaced by a piecewise-linear cut-off."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], e = par[4];
                    double k0 = -y;
                    out[0] = -(1.0 / 2.0) * a * (e - z + Math.abs(-e + z + 1) - 1) - k0;
                    out[1] = -b * y + c - x - z;
                    out[2] = -d * z - k0;
                },
                (t, st, par, jac) -> {
                    double z = st[2];
                    double a = par[0], b = par[1], d = par[3], e = par[4];
                    jac[0][0] = 0;
                    jac[0][1] = 1;
                    jac[0][2] = -(1.0 / 2.0) * a * (Math.signum(-e + z + 1) - 1);
                    jac[1][0] = -1;
                    jac[1][1] = -b;
                    jac[1][2] = -1;
                    jac[2][0] = 0;
                    jac[2][1] = 1;
                    jac[2][2] = -d;
                });
    }

    /** The absolute value makes the flow piecewise smooth: the Jacobian uses sign(y), the derivative of the branch in force. */
    static FlowSystem sanUmSrisuchinwong() {
        return new FlowSystem(
                info(
                        "SanUmSrisuchinwong",
                        params("a", 2),
                        ic(0.63878078, 1.0901873, 2.4479814),
                        7.4654,
                        "San-Um, Srisuchinwong. J. Comp 2012",
                        "A two-scroll circuit attractor using a hyperbolic tangent and an absolute value, both easy to build from transistors and diodes."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0];
                    out[0] = -x + y;
                    out[1] = -z * Math.tanh(x);
                    out[2] = -a + x * y + Math.abs(y);
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double k0 = Math.tanh(x);
                    jac[0][0] = -1;
                    jac[0][1] = 1;
                    jac[0][2] = 0;
                    jac[1][0] = z * ((k0 * k0) - 1);
                    jac[1][1] = 0;
                    jac[1][2] = -k0;
                    jac[2][0] = y;
                    jac[2][1] = x + Math.signum(y);
                    jac[2][2] = 0;
                });
    }

    /** Piecewise linear saturation: the Jacobian is that of the linear region in force. */
    static FlowSystem cellularNeuralNetwork() {
        return new FlowSystem(
                info(
                        "CellularNeuralNetwork",
                        params("a", 4.4, "b", 3.21, "c", 1.1, "d", 1.24),
                        ic(-0.26574016, -0.36754928, -0.073094132),
                        3.2,
                        "Arena, Caponetto, Fortuna, and Porto., Int J Bifurcat Chaos. 1998:  1527-1539.",
                        "Three cells of a cellular neural network with saturating piecewise-linear outputs."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double k0 = Math.abs(y - 1) - Math.abs(y + 1);
                    double k1 = ((1.0 / 2.0)) * b;
                    double k2 = Math.abs(z - 1);
                    double k3 = Math.abs(z + 1);
                    double k4 = k2 - k3;
                    double k5 = Math.abs(x - 1) - Math.abs(x + 1);
                    double k6 = ((1.0 / 2.0)) * a;
                    out[0] = -(1.0 / 2.0) * d * k5 + k0 * k1 + k1 * k4 - x;
                    out[1] = -(1.0 / 2.0) * c * k0 + k1 * k5 + k4 * k6 - y;
                    out[2] = ((1.0 / 2.0)) * b * k5 - k0 * k6 - (1.0 / 2.0) * k2 + ((1.0 / 2.0)) * k3 - z;
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3];
                    double k0 = ((1.0 / 2.0)) * Math.signum(x - 1) - (1.0 / 2.0) * Math.signum(x + 1);
                    double k1 = Math.signum(y - 1) - Math.signum(y + 1);
                    double k2 = ((1.0 / 2.0)) * b;
                    double k3 = Math.signum(z - 1);
                    double k4 = Math.signum(z + 1);
                    double k5 = k3 - k4;
                    double k6 = b * k0;
                    double k7 = ((1.0 / 2.0)) * k1;
                    jac[0][0] = -d * k0 - 1;
                    jac[0][1] = k1 * k2;
                    jac[0][2] = k2 * k5;
                    jac[1][0] = k6;
                    jac[1][1] = -c * k7 - 1;
                    jac[1][2] = ((1.0 / 2.0)) * a * k5;
                    jac[2][0] = k6;
                    jac[2][1] = -a * k7;
                    jac[2][2] = -(1.0 / 2.0) * k3 + ((1.0 / 2.0)) * k4 - 1;
                });
    }
}
