package io.chaoscast.dynamics.lyapunov;

import io.chaoscast.dynamics.catalog.InvariantTable;
import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.catalog.UnboundedCoordinates;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes {@code invariants.tsv} (the format of {@link InvariantTable}): for every catalog system at
 * its default parameters and initial condition, the Lyapunov spectrum with the standard error of
 * each exponent, the Kaplan-Yorke dimension and the correlation dimension with theirs, and whether
 * the largest exponent converged.
 *
 * <pre>
 * java -cp &lt;dynamics classes + hipparchus&gt; io.chaoscast.dynamics.lyapunov.InvariantTableGenerator [outputPath] [systemName ...]
 * </pre>
 *
 * <p>Without arguments it writes to {@value #DEFAULT_OUTPUT} (relative to the repository root).
 * Naming systems re-estimates only those and keeps the other lines of an existing file. Every
 * estimate decides its own length ({@link Convergence}): it averages batch after batch until the
 * largest exponent's standard error is below {@value #RELATIVE_ERROR} of its value (or an absolute
 * floor for exponents near zero), within a cap on periods and {@link #BUDGET} of wall-clock time; a
 * system that stops short is written with {@code converged = false}. A system that diverges is
 * reported and left out (as a comment line).
 */
public final class InvariantTableGenerator {

    public static final String DEFAULT_OUTPUT =
            "shared-lib/dynamics/src/main/resources/io/chaoscast/dynamics/catalog/invariants.tsv";

    static final double RELATIVE_ERROR = 0.005;
    static final int MIN_PERIODS = 200;
    static final int MAX_PERIODS = 10000;
    static final int BATCH_PERIODS = 10;
    static final int TRANSIENT_PERIODS = 100;
    static final int MAP_MIN_ITERATIONS = 100_000;
    static final int MAP_MAX_ITERATIONS = 4_000_000;
    static final int MAP_BATCH = 5000;
    static final int MAP_TRANSIENT = 1000;
    static final int DIMENSION_POINTS = 3000;
    static final int DIMENSION_SAMPLES_PER_PERIOD = 10;
    static final IntegrationSettings TOLERANCES = new IntegrationSettings(1e-9, 1e-9);

    /** Wall-clock cap per system, so that one stiff or escaping system cannot stall the table. */
    static final Duration BUDGET = Duration.ofSeconds(Long.getLong("chaoscast.invariants.budgetSeconds", 20));

    private InvariantTableGenerator() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
        List<String> only = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        long start = System.nanoTime();
        Files.createDirectories(out.toAbsolutePath().getParent());
        // Written after every system, so that an interrupted run keeps what it has.
        List<String> lines = generate(SystemCatalog.standard(), only, out, System.out, done -> write(out, done));
        write(out, lines);
        System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", out, (System.nanoTime() - start) / 1e9);
    }

    /** Settings for one system: batches, targets and caps in units of its period. */
    public static LyapunovSettings settingsFor(ChaoticSystem s) {
        double period = s.period();
        return switch (s.kind()) {
            case MAP -> new LyapunovSettings(
                    MAP_MIN_ITERATIONS, MAP_TRANSIENT, true, TOLERANCES,
                    new Convergence(RELATIVE_ERROR / 2, 1e-4, MAP_BATCH, 20, MAP_MAX_ITERATIONS));
            case DELAY, FLOW -> new LyapunovSettings(
                    MIN_PERIODS * period, TRANSIENT_PERIODS * period, true, TOLERANCES,
                    new Convergence(RELATIVE_ERROR, 2e-4 / period, BATCH_PERIODS * period, 20, MAX_PERIODS * period));
        };
    }

    private static void write(Path out, List<String> lines) {
        try {
            Files.write(out, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> generate(SystemCatalog catalog, List<String> only, Path existing, PrintStream progress) {
        return generate(catalog, only, existing, progress, done -> {});
    }

    static List<String> generate(
            SystemCatalog catalog,
            List<String> only,
            Path existing,
            PrintStream progress,
            java.util.function.Consumer<List<String>> checkpoint) {
        List<String> previous = new ArrayList<>();
        if (!only.isEmpty() && Files.exists(existing)) {
            try {
                previous = Files.readAllLines(existing, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Invariants of every catalog system at its default parameters and initial condition, with standard errors.");
        lines.add("# Generated by io.chaoscast.dynamics.lyapunov.InvariantTableGenerator; see docs/numerics.md.");
        lines.add("# Lyapunov: flows tangent-space QR, maps QR of Jacobian products, delays " + DelaySeparationLyapunovEstimator.SPECTRUM_SIZE
                + " renormalised separations (leading exponents only); batch means of " + BATCH_PERIODS + " periods ("
                + MAP_BATCH + " iterations for maps) until the largest exponent's standard error is below " + RELATIVE_ERROR
                + " relative (half that for maps), between " + MIN_PERIODS + " and " + MAX_PERIODS + " periods (" + MAP_MIN_ITERATIONS + " to "
                + MAP_MAX_ITERATIONS + " iterations), at most " + BUDGET.toSeconds() + " s each; tolerances " + TOLERANCES.rtol() + ".");
        lines.add("# Correlation dimension: Grassberger-Procaccia on " + DIMENSION_POINTS + " points, " + DIMENSION_SAMPLES_PER_PERIOD
                + " per period (every iteration for maps), Theiler window one period; NaN for delay equations.");
        lines.add("# name\tmaxLyapunov\tmaxLyapunovSE\tkaplanYorke\tkaplanYorkeSE\tcorrelationDimension\tcorrelationDimensionSE"
                + "\tconverged\tspectrum\tspectrumSE (per time unit; per iteration for maps)");
        List<ChaoticSystem> systems = catalog.all();
        int i = 0;
        for (ChaoticSystem s : systems) {
            i++;
            if (!only.isEmpty() && !only.contains(s.name())) {
                previous.stream()
                        .filter(l -> l.startsWith(s.name() + "\t") || l.startsWith("# " + s.name() + ":"))
                        .findFirst()
                        .ifPresent(lines::add);
                continue;
            }
            long t0 = System.nanoTime();
            try {
                LyapunovResult r = LyapunovEstimators.estimate(
                        s, s.defaultParameters(), s.defaultInitialCondition(), settingsFor(s), BUDGET.multipliedBy(5).dividedBy(4));
                CorrelationDimension.Estimate d = correlationDimension(s);
                lines.add(line(s.name(), r, d));
                progress.printf(
                        Locale.ROOT,
                        "[%d/%d] %-24s %-5s lambda_max=%s +- %s KY=%s D2=%s +- %s converged=%s %s (%.1f s)%n",
                        i,
                        systems.size(),
                        s.name(),
                        s.kind().wireName(),
                        format(r.maxExponent()),
                        format(r.maxExponentStandardError()),
                        format(r.kaplanYorkeDimension()),
                        format(d.dimension()),
                        format(d.standardError()),
                        r.converged(),
                        r.settings().get("duration") != null ? "duration=" + format(((Number) r.settings().get("duration")).doubleValue())
                                : "iterations=" + r.settings().get("iterations"),
                        (System.nanoTime() - t0) / 1e9);
            } catch (RuntimeException e) {
                progress.printf(Locale.ROOT, "[%d/%d] %-24s FAILED: %s%n", i, systems.size(), s.name(), e.getMessage());
                lines.add("# " + s.name() + ": estimation failed: " + e.getMessage());
            }
            checkpoint.accept(lines);
        }
        return lines;
    }

    /**
     * Grassberger-Procaccia on the default orbit after the transient; unbounded coordinates enter
     * as the cosine and sine of their phase. NaN for delay equations, whose state is a function.
     */
    static CorrelationDimension.Estimate correlationDimension(ChaoticSystem s) {
        if (s.kind() == io.chaoscast.dynamics.systems.SystemKind.DELAY) {
            return new CorrelationDimension.Estimate(Double.NaN, Double.NaN, 0);
        }
        double[] p = s.defaultParameters();
        var embedding = UnboundedCoordinates.embedding(s.name(), s.dimension());
        double[][] points = new double[DIMENSION_POINTS][];
        io.chaoscast.dynamics.integration.TrajectorySink sink = (k, y) -> {
            if (embedding.isPresent()) {
                double[] e = new double[embedding.get().size()];
                embedding.get().apply(y, e);
                points[k] = e;
            } else {
                points[k] = y.clone();
            }
        };
        int theiler;
        if (s instanceof io.chaoscast.dynamics.systems.Flow flow) {
            new io.chaoscast.dynamics.integration.FlowSampler(TOLERANCES).sample(
                    flow, p, s.defaultInitialCondition(), 0, TRANSIENT_PERIODS * s.period(),
                    s.period() / DIMENSION_SAMPLES_PER_PERIOD, DIMENSION_POINTS, sink);
            theiler = DIMENSION_SAMPLES_PER_PERIOD;
        } else {
            new io.chaoscast.dynamics.integration.MapIterator().iterate(
                    (io.chaoscast.dynamics.systems.DiscreteMap) s, p, s.defaultInitialCondition(), MAP_TRANSIENT,
                    DIMENSION_POINTS, sink);
            theiler = 0;
        }
        return CorrelationDimension.estimate(points, theiler);
    }

    static String line(String name, LyapunovResult r, CorrelationDimension.Estimate d) {
        return String.join(
                "\t",
                name,
                format(r.maxExponent()),
                format(r.maxExponentStandardError()),
                format(r.kaplanYorkeDimension()),
                format(r.kaplanYorkeStandardError()),
                format(d.dimension()),
                format(d.standardError()),
                Boolean.toString(r.converged()),
                csv(r.spectrum()),
                csv(r.standardErrors()));
    }

    private static String csv(double[] values) {
        return Arrays.stream(values).mapToObj(InvariantTableGenerator::format).collect(Collectors.joining(","));
    }

    private static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
