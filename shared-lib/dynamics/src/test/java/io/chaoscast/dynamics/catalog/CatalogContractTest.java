package io.chaoscast.dynamics.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.dynamics.integration.FlowSampler;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.integration.MapIterator;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.DiscreteMap;
import io.chaoscast.dynamics.systems.Flow;
import io.chaoscast.dynamics.systems.SystemKind;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract, run over every flow and map of the standard catalog (the Hipparchus habit of one
 * abstract test over every integrator). Delay systems have their own integrator and their own
 * tests.
 */
class CatalogContractTest {

    /** Loose enough to be fast, tight enough that the sampled trajectories are the real ones. */
    static final IntegrationSettings SETTINGS = new IntegrationSettings(1e-8, 1e-8);

    /**
     * No catalog attractor leaves this box; FlowSampler's divergence bound (1e12) is far too lax to
     * call a trajectory bounded. Coordinates that grow by design ({@link UnboundedCoordinates}) must
     * only stay finite.
     */
    static final double BOUND = 1e5;


    static Stream<ChaoticSystem> systems() {
        return SystemCatalog.standard().all().stream().filter(s -> s.kind() != SystemKind.DELAY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void metadataIsConsistent(ChaoticSystem system) {
        assertThat(system.name()).isNotBlank().matches("[A-Za-z][A-Za-z0-9]*");
        List<String> names = system.parameterNames();
        assertThat(new HashSet<>(names)).as("distinct parameter names").hasSize(names.size());
        assertThat(system.defaultParameters()).hasSize(names.size());
        assertThat(java.util.Arrays.stream(system.defaultParameters()).allMatch(Double::isFinite)).isTrue();
        double[] ic = system.defaultInitialCondition();
        assertThat(system.dimension()).isEqualTo(ic.length).isPositive();
        assertThat(java.util.Arrays.stream(ic).allMatch(Double::isFinite)).isTrue();
        assertThat(system.period()).isPositive().isFinite();
        if (system.kind() == SystemKind.MAP) {
            assertThat(system.period()).isEqualTo(1.0);
        }
        assertThat(system.info().citation()).isNotBlank();
        assertThat(system.info().description()).isNotBlank().hasSizeGreaterThan(30);
        assertThat(SystemCatalog.standard().find(system.name())).containsSame(system);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void staysFiniteAndBoundedFor100Periods(ChaoticSystem system) {
        double[] max = {0};
        Set<Integer> unbounded = UnboundedCoordinates.of(system.name()).keySet();
        trajectory(system, 100, 10, (i, y) -> {
            for (int j = 0; j < y.length; j++) {
                assertThat(y[j]).isFinite();
                if (!unbounded.contains(j)) {
                    max[0] = Math.max(max[0], Math.abs(y[j]));
                }
            }
        });
        assertThat(max[0]).as("largest magnitude over 100 periods").isLessThan(BOUND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void jacobianMatchesFiniteDifferences(ChaoticSystem system) {
        List<double[]> points = new ArrayList<>();
        // Points spread along the attractor: one every third of a period (every iteration for maps).
        trajectory(system, 2, 3, (i, y) -> points.add(y.clone()));
        int n = system.dimension();
        double[] p = system.defaultParameters();
        List<String> failures = new ArrayList<>();
        for (double[] x : points) {
            double[][] analytic = new double[n][n];
            for (double[] row : analytic) {
                java.util.Arrays.fill(row, Double.NaN); // every entry must be written, zeros included
            }
            jacobian(system, x, p, analytic);
            double[][] numeric = finiteDifferenceJacobian(system, x, p);
            double[][] finer = finiteDifferenceJacobian(system, x, p, 0.5);
            double[] f = new double[n];
            evaluate(system, x, p, f);
            for (int i = 0; i < n; i++) {
                // A row's own scale: its largest entry, or a thousandth of its value (the rounding
                // of the differences grows with it) when all its entries are smaller.
                double rowScale = 1e-3 * Math.abs(f[i]);
                for (int j = 0; j < n; j++) {
                    rowScale = Math.max(rowScale, Math.abs(numeric[i][j]));
                }
                for (int j = 0; j < n; j++) {
                    // Relative to the entry, or to 1 for small entries; in a row of small entries only
                    // (ArnoldWeb's mu = 0.01, BickleyJet's u = 6e-5), relative to the row, so that an
                    // error there still shows.
                    double scale = Math.min(Math.max(1, Math.abs(analytic[i][j])), Math.max(rowScale, Math.abs(analytic[i][j])));
                    double tol = (hasAnalyticJacobian(system) ? 1e-6 : 1e-4) * scale;
                    // Richardson's extrapolation of the two fourth-order differences: sixth order.
                    double reference = finer[i][j] + (finer[i][j] - numeric[i][j]) / 15;
                    if (!(Math.abs(analytic[i][j] - reference) <= tol)) {
                        failures.add("J[" + i + "][" + j + "] at " + java.util.Arrays.toString(x) + ": analytic "
                                + analytic[i][j] + ", finite differences " + reference);
                    }
                }
            }
        }
        assertThat(points).hasSizeGreaterThanOrEqualTo(6);
        assertThat(failures).as(system.name() + " Jacobian").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void sameInputsGiveIdenticalBytes(ChaoticSystem system) {
        assertThat(bytes(system)).isEqualTo(bytes(system));
    }

    private static byte[] bytes(ChaoticSystem system) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        trajectory(system, 10, 20, (i, y) -> {
            try {
                for (double v : y) {
                    out.writeLong(Double.doubleToRawLongBits(v));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return buffer.toByteArray();
    }

    /**
     * Samples {@code periods} periods from the default state at {@code perPeriod} points per period
     * (flows) or iterates {@code max(periods, 100) * perPeriod} times (maps, whose period is one
     * step, so that they get a comparably long run).
     */
    static void trajectory(ChaoticSystem system, int periods, int perPeriod, io.chaoscast.dynamics.integration.TrajectorySink sink) {
        double[] p = system.defaultParameters();
        double[] y0 = system.defaultInitialCondition();
        if (system instanceof Flow flow) {
            double dt = system.period() / perPeriod;
            new FlowSampler(SETTINGS).sample(flow, p, y0, 0, 0, dt, periods * perPeriod + 1, sink);
        } else if (system instanceof DiscreteMap map) {
            new MapIterator().iterate(map, p, y0, 0, Math.max(periods, 100) * perPeriod, sink);
        } else {
            throw new IllegalArgumentException("not a flow or map: " + system);
        }
    }

    /**
     * Systems without an analytic Jacobian answer second-order central differences; checking those
     * against the fourth-order ones here, at a looser tolerance, still catches a wrong step or a
     * transposed matrix.
     */
    static boolean hasAnalyticJacobian(ChaoticSystem system) {
        return system instanceof Flow flow ? flow.hasAnalyticJacobian() : ((DiscreteMap) system).hasAnalyticJacobian();
    }

    private static void jacobian(ChaoticSystem system, double[] x, double[] p, double[][] jac) {
        if (system instanceof Flow flow) {
            flow.jacobian(0, x, p, jac);
        } else {
            ((DiscreteMap) system).jacobian(x, p, jac);
        }
    }

    private static void evaluate(ChaoticSystem system, double[] x, double[] p, double[] out) {
        if (system instanceof Flow flow) {
            flow.derivatives(0, x, p, out);
        } else {
            ((DiscreteMap) system).next(x, p, out);
        }
    }

    /**
     * Fourth-order central differences, {@code (-f(x+2h) + 8 f(x+h) - 8 f(x-h) + f(x-2h)) / 12h},
     * with a step scaled to the coordinate: exact for the polynomial systems and accurate to about
     * {@code 1e-10} relative elsewhere, far inside the {@code 1e-6} tolerance.
     */
    static double[][] finiteDifferenceJacobian(ChaoticSystem system, double[] x, double[] p) {
        return finiteDifferenceJacobian(system, x, p, 1);
    }

    /** The same with the step scaled by {@code stepScale}. */
    static double[][] finiteDifferenceJacobian(ChaoticSystem system, double[] x, double[] p, double stepScale) {
        int n = x.length;
        double[][] jac = new double[n][n];
        double[] f1 = new double[n], f2 = new double[n], f3 = new double[n], f4 = new double[n];
        for (int j = 0; j < n; j++) {
            double h = stepScale * 1e-5 * Math.min(Math.max(1, Math.abs(x[j])), 1000);
            double[] y = x.clone();
            y[j] = x[j] + 2 * h;
            evaluate(system, y, p, f1);
            y[j] = x[j] + h;
            evaluate(system, y, p, f2);
            y[j] = x[j] - h;
            evaluate(system, y, p, f3);
            y[j] = x[j] - 2 * h;
            evaluate(system, y, p, f4);
            for (int i = 0; i < n; i++) {
                jac[i][j] = (-f1[i] + 8 * f2[i] - 8 * f3[i] + f4[i]) / (12 * h);
            }
        }
        return jac;
    }

    static Set<String> names(Stream<ChaoticSystem> systems) {
        Set<String> s = new HashSet<>();
        systems.forEach(x -> s.add(x.name()));
        return s;
    }
}
