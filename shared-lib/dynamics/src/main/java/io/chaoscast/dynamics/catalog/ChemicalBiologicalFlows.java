package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.FlowSystem;
import java.util.List;

/**
 * Flows from neuroscience and ecology.
 *
 * <p>Parameter names, default values, initial conditions, periods and citations follow dysts
 * (Gilpin 2021) so that users can move between the two; equations and descriptions are ours. Every
 * Jacobian is analytic; the catalog contract test checks it against finite differences.
 */
final class ChemicalBiologicalFlows {

    private ChemicalBiologicalFlows() {}

    static List<ChaoticSystem> systems() {
        return List.of(
                hindmarshRose(),
                hastingsPowell());
    }

    static FlowSystem hindmarshRose() {
        return new FlowSystem(
                info(
                        "HindmarshRose",
                        params("a", 0.49, "b", 1.0, "c", 0.0322, "d", 1.0, "s", 1.0, "tx", 0.03, "tz", 0.8),
                        ic(0.031111835, -0.021557059, 0.041475046),
                        1.752,
                        "Marhl, Perc. Chaos, Solitons, Fractals 2005.",
                        "A neuron model in which a fast spiking subsystem is modulated by a slow adaptation current, giving chaotic bursting."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a = par[0], b = par[1], c = par[2], d = par[3], s = par[4], tx = par[5], tz = par[6];
                    double k0 = (1.0 / (tx));
                    double k1 = (x * x);
                    double k2 = a * (x * x * x);
                    out[0] = b * k0 * k1 - k0 * k2 + k0 * y + k0 * z - x;
                    out[1] = k1 * (b - d) - k2 + z;
                    out[2] = (c - s * x - z) / tz;
                },
                (t, st, par, jac) -> {
                    double x = st[0];
                    double a = par[0], b = par[1], d = par[3], s = par[4], tx = par[5], tz = par[6];
                    double k0 = (1.0 / (tx));
                    double k1 = 3 * a;
                    double k2 = (1.0 / (tz));
                    jac[0][0] = 2 * b * k0 * x - k0 * k1 * (x * x) - 1;
                    jac[0][1] = k0;
                    jac[0][2] = k0;
                    jac[1][0] = x * (2 * b - 2 * d - k1 * x);
                    jac[1][1] = 0;
                    jac[1][2] = 1;
                    jac[2][0] = -k2 * s;
                    jac[2][1] = 0;
                    jac[2][2] = -k2;
                });
    }

    static FlowSystem hastingsPowell() {
        return new FlowSystem(
                info(
                        "HastingsPowell",
                        params("a1", 5.0, "a2", 0.1, "b1", 3.0, "b2", 2.0, "d1", 0.4, "d2", 0.01),
                        ic(0.73207001, 0.17549271, 9.9014657),
                        135.19,
                        "Hastings, Powell. Ecology 1991",
                        "A three-species food chain (resource, consumer, top predator) with saturating functional responses, the teacup attractor of ecology."),
                (t, st, par, out) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a1 = par[0], a2 = par[1], b1 = par[2], b2 = par[3], d1 = par[4], d2 = par[5];
                    double k0 = (1.0 / ((b1 * x + 1)));
                    double k1 = a2 / (b2 * y + 1);
                    out[0] = -x * (a1 * k0 * y + x - 1);
                    out[1] = y * (a1 * k0 * x - d1 - k1 * z);
                    out[2] = z * (-d2 + k1 * y);
                },
                (t, st, par, jac) -> {
                    double x = st[0], y = st[1], z = st[2];
                    double a1 = par[0], a2 = par[1], b1 = par[2], b2 = par[3], d1 = par[4], d2 = par[5];
                    double k0 = b1 * x;
                    double k1 = k0 + 1;
                    double k2 = (1.0 / (k1));
                    double k3 = a1 * k2;
                    double k4 = k3 * y;
                    double k5 = k3 * x;
                    double k6 = b2 * y;
                    double k7 = k6 + 1;
                    double k8 = (1.0 / (k7));
                    double k9 = a2 * k8;
                    double k10 = k9 * z;
                    double k11 = k9 * y;
                    jac[0][0] = a1 * k0 * y / (k1 * k1) - k4 - 2 * x + 1;
                    jac[0][1] = -k5;
                    jac[0][2] = 0;
                    jac[1][0] = k4 * (-k0 * k2 + 1);
                    jac[1][1] = a2 * k6 * z / (k7 * k7) - d1 - k10 + k5;
                    jac[1][2] = -k11;
                    jac[2][0] = 0;
                    jac[2][1] = k10 * (-k6 * k8 + 1);
                    jac[2][2] = -d2 + k11;
                });
    }
}
