package io.chaoscast.dynamics.integration;

import io.chaoscast.dynamics.systems.FlowSystem;
import io.chaoscast.dynamics.systems.SwitchingSurface;
import io.chaoscast.dynamics.systems.SystemInfo;
import java.util.List;

/**
 * A Filippov system solved by hand: {@code x' = -sign(x) + t/4}, {@code y' = sign(x) + 2} from
 * {@code (0.5, 0)}. x falls to the plane x = 0 at {@code t1 = 4 - 2 sqrt(3)}, where both branches
 * push into it; it slides there with Filippov's field ({@code y' = 2 + t/4}) until {@code t = 4},
 * when the upper branch stops pushing down, and leaves upwards ({@code x = (t - 4)^2 / 8}).
 */
public final class StickingFlow {

    public static final FlowSystem FLOW = new FlowSystem(
            new SystemInfo("Sticking", List.of(), new double[0], new double[] {0.5, 0}, 1.0, "test", "test"),
            (t, y, p, sides, out) -> {
                double s = SwitchingSurface.side(sides, 0, y[0]);
                out[0] = -s + t / 4;
                out[1] = s + 2;
            },
            (t, y, p, sides, jac) -> {
                jac[0][0] = 0;
                jac[0][1] = 0;
                jac[1][0] = 0;
                jac[1][1] = 0;
            },
            List.of(SwitchingSurface.at(0, 0)));

    /** Where the orbit from the default state reaches the plane. */
    public static final double T1 = 4 - 2 * Math.sqrt(3);

    private StickingFlow() {}

    /** The orbit from the default state at time t. */
    public static double[] exact(double t) {
        if (t <= T1) {
            return new double[] {0.5 - t + t * t / 8, 3 * t};
        }
        double y = 3 * T1 + 2 * (t - T1) + (t * t - T1 * T1) / 8;
        if (t <= 4) {
            return new double[] {0, y};
        }
        double y4 = 3 * T1 + 2 * (4 - T1) + (16 - T1 * T1) / 8;
        return new double[] {(t - 4) * (t - 4) / 8, y4 + 3 * (t - 4)};
    }
}
