package io.chaoscast.dataset.bench;

import io.chaoscast.testsupport.BlockingHttp;
import io.chaoscast.testsupport.TestTokens;
import io.chaoscast.dataset.DatasetServiceApplication;
import io.chaoscast.dataset.generation.DatasetGenerator;
import io.chaoscast.dataset.generation.GenerationPlan;
import io.chaoscast.dataset.generation.SplitLayout;
import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.integration.TrajectoryGenerator;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.embeddeddb.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points per second for Lorenz, 10 000 points per dataset at rtol = atol = 1e-10, 100 points per
 * period, 10 transient periods:
 *
 * <ol>
 *   <li>(a) the integrator in-process ({@code TrajectoryGenerator} into a sink that only reads);
 *   <li>(b) the service end to end: POST the recipe, then GET its NPY bytes over HTTP, against an
 *       embedded PostgreSQL with durable commits (fsync on), with a fresh seed per repetition so that nothing comes from the cache;
 *   <li>(b1) the same in one request: POST the recipe with {@code Accept: application/x-npy}, which
 *       answers with the bytes;
 *   <li>(c) the heap a 10^7-point generation needs (Henon, 160 MB of data) compared with its bytes.
 * </ol>
 *
 * Run: {@code mvn -B -q -pl services/dataset-service -am -Pbench -DskipTests integration-test}.
 */
public final class DatasetThroughputBenchmark {

    private static final int LENGTH = 10_000;
    private static final int WARMUP = Integer.getInteger("bench.warmup", 100);
    private static final int REPETITIONS = Integer.getInteger("bench.repetitions", 40);

    private DatasetThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        ChaoticSystem lorenz = SystemCatalog.standard().find("Lorenz").orElseThrow();
        double[] p = lorenz.defaultParameters();
        double[] ic = lorenz.defaultInitialCondition();
        double dt = lorenz.period() / 100;
        double transientTime = 10 * lorenz.period();
        TrajectoryGenerator generator = new TrajectoryGenerator(new IntegrationSettings(1e-10, 1e-10));
        double[] sum = {0};

        Runnable inProcess = () -> generator.generate(lorenz, p, ic, dt, transientTime, LENGTH, (i, s) -> sum[0] += s[0]);
        Path scratch = Files.createTempDirectory("chaoscast-bench-file");
        GenerationPlan filePlan = new GenerationPlan(
                lorenz, p, List.of(ic), 1, LENGTH, 3, dt, transientTime, 0, 1, SplitLayout.of(LENGTH, 0.7, 0.15), false,
                new IntegrationSettings(1e-10, 1e-10));
        Runnable toFile = () -> {
            try {
                new DatasetGenerator().generate(filePlan, scratch.resolve("lorenz.npy"), (d, t) -> {});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };

        Path directory = Files.createTempDirectory("chaoscast-bench");
        // Durable commits, as a production PostgreSQL makes them: a 201 means the row is on disk.
        try (EmbeddedDatabase db = EmbeddedDatabase.start(0, null, true);
                ConfigurableApplicationContext app = new SpringApplicationBuilder(DatasetServiceApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + db.jdbcUrl(EmbeddedDatabase.DATABASE),
                                "--chaoscast.datasets.directory=" + directory,
                                "--chaoscast.security.admin-token=" + TestTokens.ADMIN,
                                "--logging.level.root=WARN")) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            String base = "http://localhost:" + port + "/api/v1/datasets";
            long[] seed = {1000};
            String state = "[" + ic[0] + ", " + ic[1] + ", " + ic[2] + "]";
            Runnable endToEnd = () -> {
                String recipe = "{\"system\": \"Lorenz\", \"initialConditions\": [" + state + "], \"length\": " + LENGTH
                        + ", \"pointsPerPeriod\": 100, \"transientPeriods\": 10, \"rtol\": 1e-10, \"atol\": 1e-10,"
                        + " \"seed\": " + seed[0]++ + "}";
                String created = new String(exchange("POST", base, recipe, 201), StandardCharsets.UTF_8);
                String id = created.replaceAll(".*\"id\":\"([0-9a-f]{64})\".*", "$1");
                byte[] data = exchange("GET", base + "/" + id + "/data?format=npy", null, 200);
                if (data.length != 128 + LENGTH * 3 * 8) {
                    throw new IllegalStateException("unexpected NPY size " + data.length);
                }
            };
            Runnable oneRequest = () -> {
                String recipe = "{\"system\": \"Lorenz\", \"initialConditions\": [" + state + "], \"length\": " + LENGTH
                        + ", \"pointsPerPeriod\": 100, \"transientPeriods\": 10, \"rtol\": 1e-10, \"atol\": 1e-10,"
                        + " \"seed\": " + seed[0]++ + "}";
                byte[] data = exchange("POST", base, recipe, 201, "application/x-npy");
                if (data.length != 128 + LENGTH * 3 * 8) {
                    throw new IllegalStateException("unexpected NPY size " + data.length);
                }
            };
            // (a), (b) and (b1) alternate, so that the load of a shared machine hits them alike
            for (int i = 0; i < WARMUP; i++) {
                inProcess.run();
                toFile.run();
                endToEnd.run();
                oneRequest.run();
            }
            long walSyncs0 = walSyncs(db);
            double[] a = new double[REPETITIONS];
            double[] f = new double[REPETITIONS];
            double[] b = new double[REPETITIONS];
            double[] b1 = new double[REPETITIONS];
            double[] ratio = new double[REPETITIONS];
            double[] ratio1 = new double[REPETITIONS];
            double[] cpuA = new double[REPETITIONS];
            double[] cpuB = new double[REPETITIONS];
            for (int i = 0; i < REPETITIONS; i++) {
                long c0 = processCpuNanos();
                a[i] = pointsPerSecond(inProcess);
                long c1 = processCpuNanos();
                f[i] = pointsPerSecond(toFile);
                long c2 = processCpuNanos();
                b[i] = pointsPerSecond(endToEnd);
                long c3 = processCpuNanos();
                b1[i] = pointsPerSecond(oneRequest);
                ratio[i] = b[i] / a[i];
                ratio1[i] = b1[i] / a[i];
                cpuA[i] = (c1 - c0) / 1e6;
                cpuB[i] = (c3 - c2) / 1e6;
            }

            System.out.println();
            System.out.println("Lorenz, " + LENGTH + " points, rtol=atol=1e-10, 100 points/period, 10 transient periods; "
                    + WARMUP + " warm-up and " + REPETITIONS + " measured repetitions, alternating (a) and (b); "
                    + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
            System.out.printf("(a) integrator in-process : median %,.0f points/s (best %,.0f, worst %,.0f)%n", median(a), max(a), min(a));
            System.out.printf("    generator to NPY file : median %,.0f points/s (best %,.0f, worst %,.0f)%n", median(f), max(f), min(f));
            System.out.printf("(b) service end to end    : median %,.0f points/s (best %,.0f, worst %,.0f)%n", median(b), max(b), min(b));
            System.out.printf("(b1) one request (POST, Accept: application/x-npy): median %,.0f points/s (best %,.0f, worst %,.0f)%n",
                    median(b1), max(b1), min(b1));
            System.out.printf("(b) / (a)                 : %.0f %% of medians, %.0f %% of bests, %.0f %% median of pairwise ratios%n",
                    100 * median(b) / median(a), 100 * max(b) / max(a), 100 * median(ratio));
            System.out.printf("(b1) / (a)                : %.0f %% of medians, %.0f %% of bests, %.0f %% median of pairwise ratios%n",
                    100 * median(b1) / median(a), 100 * max(b1) / max(a), 100 * median(ratio1));
            // Each measured repetition posts two new recipes ((b) and (b1)), each recorded by one
            // durable insert: one WAL fsync per POST, or the commits are not durable.
            Thread.sleep(1000); // backends report their WAL statistics at most every 500 ms
            System.out.printf("WAL fsyncs per POST of a new recipe (the WAL writer's own included): %.2f%n",
                    (walSyncs(db) - walSyncs0) / (2.0 * REPETITIONS));
            System.out.printf("JVM CPU per run (all threads; PostgreSQL not counted): (a) median %.1f ms, (b) median %.1f ms"
                            + " (client and server share the JVM)%n", median(cpuA), median(cpuB));
            heapOfALargeGeneration(directory);
        }
    }

    /** (c): 10^7 Henon points through the same generator, measuring the heap's peak. */
    private static void heapOfALargeGeneration(Path directory) throws Exception {
        ChaoticSystem henon = SystemCatalog.standard().find("Henon").orElseThrow();
        int length = 10_000_000;
        GenerationPlan plan = new GenerationPlan(
                henon, henon.defaultParameters(), null, 1, length, 2, 1, 100, 0.01, 1, SplitLayout.of(length, 0.7, 0.15), true,
                IntegrationSettings.DEFAULT);
        System.gc();
        long before = heapUsed();
        resetPeaks();
        Path file = directory.resolve("henon-1e7.npy");
        long t0 = System.nanoTime();
        new DatasetGenerator().generate(plan, file, (d, t) -> {});
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = heapPeak();
        System.out.printf("(c) Henon 10^7 points with noise and standardisation: %,d data bytes in %.1f s;"
                        + " heap before %,d bytes, peak during %,d bytes (max heap %,d)%n",
                plan.dataBytes(), seconds, before, peak, Runtime.getRuntime().maxMemory());
        Files.deleteIfExists(file);
    }

    /** A blocking exchange (see {@link BlockingHttp}): the expected status is that of a fresh dataset. */
    private static byte[] exchange(String method, String url, String json, int expectedStatus) {
        return exchange(method, url, json, expectedStatus, "application/json");
    }

    private static byte[] exchange(String method, String url, String json, int expectedStatus, String accept) {
        return BlockingHttp.exchange(method, url, json, expectedStatus, accept);
    }

    private static double pointsPerSecond(Runnable run) {
        long t0 = System.nanoTime();
        run.run();
        return LENGTH / ((System.nanoTime() - t0) / 1e9);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElseThrow();
    }

    /** PostgreSQL's count of write-ahead-log fsyncs since it started ({@code pg_stat_wal}, PostgreSQL 14+). */
    private static long walSyncs(EmbeddedDatabase db) throws java.sql.SQLException {
        try (var c = db.adminDataSource().getConnection();
                var rs = c.createStatement().executeQuery("SELECT wal_sync FROM pg_stat_wal")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
