package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.info;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.DelayEquationSystem;
import io.chaoscast.dynamics.systems.SystemInfo;
import java.util.List;

/**
 * Delay differential equations. Names, parameters, periods and citations follow dysts.
 *
 * <p>dysts stores a 10-component initial condition because it samples the delay line into an
 * embedding; our state is the scalar {@code x(t)} and its initial condition is a constant history
 * {@code x(t) = x0} on {@code [-tau, 0]}. We take {@code x0} = the first component of dysts'
 * initial condition, which lies on dysts' attractor; the transient then carries the solution onto
 * the attractor (a constant history is not itself a point of the attractor).
 *
 * <p>One departure from dysts: MackeyGlass uses {@code tau = 17}, the classic chaotic benchmark
 * (Farmer 1982), not dysts' {@code tau = 16}. At {@code tau = 16} the equation is below the onset
 * of chaos (near {@code tau = 16.8}): from this history it settles on a stable periodic orbit with
 * seven maxima per period, and our estimator gives a largest exponent of zero (see {@code
 * LyapunovEstimatorsTest}). A catalog of chaotic systems should not default to a limit cycle.
 */
final class DelaySystems {

    private DelaySystems() {}

    static List<ChaoticSystem> systems() {
        return List.of(mackeyGlass(), ikedaDelay(), piecewiseCircuit(), scrollDelay(), sprottDelay(), vossDelay());
    }

    static DelayEquationSystem mackeyGlass() {
        SystemInfo info =
                info(
                        "MackeyGlass",
                        params("beta", 0.2, "gamma", 0.1, "n", 10.0, "tau", 17),
                        ic(0.83347846),
                        5.9612230962292045,
                        "Glass, L. and Mackey, M. C. (1979). Pathological physiological conditions resulting from instabilities in physiological control systems. Ann. NY. Acad. Sci.",
                        "Blood-cell production regulated by a delayed, saturating feedback: the classic chaotic delay equation.");
        return new DelayEquationSystem(
                info,
                (t, x, xt, p, d) -> {
                    double beta = p[0], gamma = p[1], n = p[2];
                    d[0] = beta * xt[0] / (1 + Math.pow(xt[0], n)) - gamma * x[0];
                },
                DelayEquationSystem.delayParameter(info, "tau"));
    }

    static DelayEquationSystem ikedaDelay() {
        SystemInfo info =
                info(
                        "IkedaDelay",
                        params("c", 1.0, "mu", -20, "tau", 2.0, "x0", 0.0),
                        ic(0.024144317),
                        3.486528,
                        "K. Ikeda and K. Matsumoto (1987). High-dimensional chaotic behavior in systems with time-delayed feedback, Physica D, 29 (1-2), 223-235",
                        "The phase of light in a ring cavity with a nonlinear medium, fed back after the round-trip delay.");
        return new DelayEquationSystem(
                info,
                (t, x, xt, p, d) -> {
                    double c = p[0], mu = p[1], x0 = p[3];
                    d[0] = mu * Math.sin(xt[0] - x0) - c * x[0];
                },
                DelayEquationSystem.delayParameter(info, "tau"));
    }

    static DelayEquationSystem piecewiseCircuit() {
        SystemInfo info =
                info(
                        "PiecewiseCircuit",
                        params("alpha", 1.0, "beta", 1.0, "c", 2.24, "tau", 4.9),
                        ic(-0.37155972),
                        52.99484890125133,
                        "A. Tamasevicius, G. Mykolaitis, S. Bumeliene, Electron. Lett. 42, 13 (2006)",
                        "A delay circuit with a cubic nonlinearity of the delayed voltage.");
        return new DelayEquationSystem(
                info,
                (t, x, xt, p, d) -> {
                    double alpha = p[0], beta = p[1], c = p[2];
                    double u = xt[0] / c;
                    d[0] = -alpha * xt[0] + beta * (-(u * u * u) + 3 * u);
                },
                DelayEquationSystem.delayParameter(info, "tau"));
    }

    static DelayEquationSystem scrollDelay() {
        SystemInfo info =
                info(
                        "ScrollDelay",
                        params("alpha", 0.2, "beta", 0.2, "tau", 10.0),
                        ic(-0.70009241),
                        152.40701151828662,
                        "R.D. Driver, Ordinary and Delay Differential Equations (Springer, New York, 1977).",
                        "A delay oscillator with a steep tanh nonlinearity, giving a multi-scroll attractor.");
        return new DelayEquationSystem(
                info,
                (t, x, xt, p, d) -> {
                    double alpha = p[0], beta = p[1];
                    d[0] = -alpha * xt[0] + beta * Math.tanh(10 * xt[0]);
                },
                DelayEquationSystem.delayParameter(info, "tau"));
    }

    static DelayEquationSystem sprottDelay() {
        SystemInfo info =
                info(
                        "SprottDelay",
                        params("c", 0.0, "mu", 1.0, "x0", 0.0, "tau", 5.1),
                        ic(9.30770542),
                        20.15628,
                        "Sprott, J. C (2007). A simple chaotic delay differential equation. Physics Letters A 366.4-5: 397-402.",
                        "The simplest delay equation dx/dt = sin(x(t - tau)) (Sprott): the Ikeda form without damping.");
        return new DelayEquationSystem(
                info,
                (t, x, xt, p, d) -> {
                    double c = p[0], mu = p[1], x0 = p[2];
                    d[0] = mu * Math.sin(xt[0] - x0) - c * x[0];
                },
                DelayEquationSystem.delayParameter(info, "tau"));
    }

    static DelayEquationSystem vossDelay() {
        SystemInfo info =
                info(
                        "VossDelay",
                        params("alpha", 3.24, "tau", 13.28),
                        ic(0.24640194),
                        10.0,
                        "Voss (2002). Real-time anticipation of chaotic states of an electronic circuit.",
                        "An electronic delay circuit with a cubic polynomial nonlinearity (Voss), used in studies of"
                                + " anticipating synchronisation.");
        return new DelayEquationSystem(
                info,
                (t, x, xt, p, d) -> {
                    double alpha = p[0];
                    double u = xt[0];
                    d[0] = -alpha * x[0] + (-10.44 * u * u * u - 13.95 * u * u - 3.63 * u + 0.85);
                },
                DelayEquationSystem.delayParameter(info, "tau"));
    }
}
