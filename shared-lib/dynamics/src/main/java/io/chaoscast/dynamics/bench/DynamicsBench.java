package io.chaoscast.dynamics.bench;

import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.integration.TrajectoryGenerator;
import io.chaoscast.dynamics.lyapunov.LyapunovEstimators;
import io.chaoscast.dynamics.lyapunov.LyapunovSettings;
import io.chaoscast.dynamics.metrics.ForecastMetrics;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.Flow;
import io.chaoscast.dynamics.systems.FlowSystem;
import io.chaoscast.dynamics.systems.SystemKind;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Prints throughput figures for the numerics: trajectory generation per kind of system, Lyapunov
 * estimation cost per time unit, metric evaluation. Each figure is the best of three runs after a
 * warm-up run, single-threaded.
 *
 * <pre>java -cp &lt;dynamics classes + hipparchus&gt; io.chaoscast.dynamics.bench.DynamicsBench</pre>
 */
public final class DynamicsBench {

    private DynamicsBench() {}

    public static void main(String[] args) {
        SystemCatalog catalog = SystemCatalog.standard();
        TrajectoryGenerator generator = new TrajectoryGenerator(IntegrationSettings.DEFAULT);
        for (String name : new String[] {"Lorenz", "Henon", "MackeyGlass"}) {
            ChaoticSystem s = catalog.find(name).orElseThrow();
            int n = 100_000;
            double dt = s.period() / 100;
            double secs = best(() -> generator.generate(
                    s, s.defaultParameters(), s.defaultInitialCondition(), dt, 0, n, (i, y) -> {}));
            System.out.printf(Locale.ROOT, "trajectory %-12s %,d samples (%s): %.3f s, %,.0f samples/s%n",
                    name, n, s.kind() == SystemKind.MAP ? "iterations" : "100 per period, tol 1e-10", secs, n / secs);
        }
        for (String name : new String[] {"Lorenz", "MackeyGlass"}) {
            ChaoticSystem s = catalog.find(name).orElseThrow();
            double duration = 100 * s.period();
            double secs = best(() -> LyapunovEstimators.estimate(
                    s, s.defaultParameters(), s.defaultInitialCondition(),
                    new LyapunovSettings(duration, 0, true, new IntegrationSettings(1e-9, 1e-9))));
            System.out.printf(Locale.ROOT, "lyapunov   %-12s spectrum over 100 periods: %.3f s (%.2f ms per period)%n",
                    name, secs, 1000 * secs / 100);
        }
        // The same equations with and without their analytic Jacobian: what central differences
        // (2n right-hand sides per Jacobian) cost the tangent-space estimator in 6 and 10 dimensions.
        for (String name : new String[] {"CellCycle", "MacArthur"}) {
            Flow analytic = (Flow) catalog.find(name).orElseThrow();
            Flow differences = new FlowSystem(analytic.info(), analytic::derivatives, null);
            double duration = 20 * analytic.period();
            for (Flow flow : new Flow[] {analytic, differences}) {
                double secs = best(() -> LyapunovEstimators.estimate(
                        flow, flow.defaultParameters(), flow.defaultInitialCondition(),
                        new LyapunovSettings(duration, 0, true, new IntegrationSettings(1e-9, 1e-9))));
                System.out.printf(Locale.ROOT, "lyapunov   %-12s spectrum over 20 periods, %s Jacobian: %.3f s%n",
                        name, flow.hasAnalyticJacobian() ? "analytic" : "central-difference", secs);
            }
        }
        // The flows whose right-hand side jumps, event by event (as the catalog integrates them)
        // against the same equations integrated straight through the jump.
        for (String name : new String[] {"SprottMore", "FluidTrampoline", "StickSlipOscillator"}) {
            Flow switched = (Flow) catalog.find(name).orElseThrow();
            Flow straight = new FlowSystem(switched.info(), switched::derivatives, switched::jacobian);
            for (Flow flow : new Flow[] {switched, straight}) {
                String how = flow.switchingSurfaces().isEmpty() ? "straight through" : "event by event";
                int n = 200_000;
                double dt = flow.period() / 100;
                try {
                    double secs = best(() -> generator.generate(
                            flow, flow.defaultParameters(), flow.defaultInitialCondition(), dt, 0, n, (i, y) -> {}));
                    System.out.printf(Locale.ROOT, "trajectory %-19s %,d samples (100 per period, tol 1e-10), %s: %.3f s%n",
                            name, n, how, secs);
                } catch (RuntimeException e) {
                    System.out.printf(Locale.ROOT, "trajectory %-19s %,d samples (100 per period, tol 1e-10), %s: stopped, %s%n",
                            name, n, how, e.getMessage());
                }
            }
        }
        int steps = 1_000_000;
        double[][] truth = new double[steps][3];
        double[][] forecast = new double[steps][3];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < steps; i++) {
            for (int d = 0; d < 3; d++) {
                truth[i][d] = random.nextDouble(-10, 10);
                forecast[i][d] = truth[i][d] + random.nextDouble(-0.1, 0.1);
            }
        }
        double secs = best(() -> {
            ForecastMetrics.mse(truth, forecast);
            ForecastMetrics.smape(truth, forecast);
            ForecastMetrics.validPredictionTime(truth, forecast, 0.01, 0.9);
        });
        System.out.printf(Locale.ROOT, "metrics    mse + smape + vpt on %,d x 3: %.3f s%n", steps, secs);
    }

    private static double best(Runnable work) {
        work.run();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
