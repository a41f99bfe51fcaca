package io.chaoscast.dataset.bench;

import io.chaoscast.testsupport.BlockingHttp;
import io.chaoscast.testsupport.TestTokens;
import io.chaoscast.dataset.DatasetServiceApplication;
import io.chaoscast.dataset.generation.DataExporter;
import io.chaoscast.dataset.generation.DatasetGenerator;
import io.chaoscast.dataset.generation.GenerationMetrics;
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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points per second for Lorenz, 10 000 points per dataset at rtol = atol = 1e-10, 100 points per
 * period, 10 transient periods:
 *
 * <ol>
 *   <li>(a) the integrator in-process ({@code TrajectoryGenerator} into a sink that only reads);
 *   <li>(b) the service end to end: POST the recipe, then GET its NPY bytes over HTTP, against an
 *       embedded PostgreSQL with durable commits (fsync on), with a fresh seed per repetition so that
 *       nothing comes from the cache;
 *   <li>(b1) the same in one request: POST the recipe with {@code Accept: application/x-npy}, which
 *       answers with the bytes; where its time goes is read from the service's own meters
 *       ({@link GenerationMetrics}): generating the bytes, recording the row, and the request itself;
 *   <li>(b1v), with {@code -Dbench.variant="--some.property=value ..."}: (b1) against a second
 *       instance of the service started with those arguments, alternating with (b1) in every
 *       repetition, so that a configuration is compared under the same load (the machine's
 *       run-to-run spread is larger than most effects worth measuring);
 *   <li>(c) the heap a 10^7-point generation needs (Henon, 160 MB of data) compared with its bytes;
 *   <li>(d) throughput under load: {@code bench.streams} (2) threads integrating in-process at once
 *       against as many clients posting (b1) at once, in alternating rounds.
 * </ol>
 *
 * Run: {@code mvn -B -q -pl services/dataset-service -am -Pbench -DskipTests integration-test}.
 */
public final class DatasetThroughputBenchmark {

    private static final int LENGTH = 10_000;
    private static final long NPY_BYTES = DataExporter.npyLength(1, LENGTH, 3);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 100);
    private static final int REPETITIONS = Integer.getInteger("bench.repetitions", 40);
    private static final int STREAMS = Integer.getInteger("bench.streams", 2);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int PER_STREAM = Integer.getInteger("bench.perStream", 40);
    private static final String VARIANT = System.getProperty("bench.variant", "").trim();

    private DatasetThroughputBenchmark() {}

    /** Lorenz from a fixed initial condition, so that every seed costs the same integration. */
    private record Workload(ChaoticSystem lorenz, double[] p, double[] ic, double dt, double transientTime) {

        static Workload fromCatalog() {
            ChaoticSystem lorenz = SystemCatalog.standard().find("Lorenz").orElseThrow();
            return new Workload(
                    lorenz, lorenz.defaultParameters(), lorenz.defaultInitialCondition(), lorenz.period() / 100, 10 * lorenz.period());
        }

        /** An in-process integration with its own generator, as one thread of (a) or (d) runs it. */
        Runnable inProcess() {
            TrajectoryGenerator generator = new TrajectoryGenerator(new IntegrationSettings(1e-10, 1e-10));
            double[] sum = {0};
            return () -> generator.generate(lorenz, p, ic, dt, transientTime, LENGTH, (i, s) -> sum[0] += s[0]);
        }

        String recipe(long seed) {
            return "{\"system\": \"Lorenz\", \"initialConditions\": [[" + ic[0] + ", " + ic[1] + ", " + ic[2] + "]], \"length\": "
                    + LENGTH + ", \"pointsPerPeriod\": 100, \"transientPeriods\": 10, \"rtol\": 1e-10, \"atol\": 1e-10,"
                    + " \"seed\": " + seed + "}";
        }
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Workload w = Workload.fromCatalog();
        Runnable inProcess = w.inProcess();
        Path scratch = Files.createTempDirectory("chaoscast-bench-file");
        GenerationPlan filePlan = new GenerationPlan(
                w.lorenz(), w.p(), List.of(w.ic()), 1, LENGTH, 3, w.dt(), w.transientTime(), 0, 1, SplitLayout.of(LENGTH, 0.7, 0.15), false,
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
                ConfigurableApplicationContext app = service(db, directory, "");
                ConfigurableApplicationContext variant = VARIANT.isEmpty() ? null : service(db, directory, VARIANT)) {
            String base = datasetsUri(app);
            AtomicLong seeds = new AtomicLong(1000);
            Runnable endToEnd = () -> {
                String created = new String(exchange("POST", base, w.recipe(seeds.getAndIncrement()), 201), StandardCharsets.UTF_8);
                String id = created.replaceAll(".*\"id\":\"([0-9a-f]{64})\".*", "$1");
                expectNpy(exchange("GET", base + "/" + id + "/data?format=npy", null, 200));
            };
            Runnable oneRequest = oneRequest(w, base, seeds);
            Runnable oneRequestVariant = variant == null ? () -> {} : oneRequest(w, datasetsUri(variant), seeds);
            // (a), (b) and (b1) alternate, so that the load of a shared machine hits them alike
            for (int i = 0; i < WARMUP; i++) {
                inProcess.run();
                toFile.run();
                endToEnd.run();
                oneRequest.run();
                oneRequestVariant.run();
            }
            long walSyncs0 = walSyncs(db);
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            Timer generation = meters.get(GenerationMetrics.GENERATION).tags("mode", "request", "outcome", "ready").timer();
            Timer recording = meters.get(GenerationMetrics.RECORDING).tags("mode", "request").timer();
            long generated0 = generation.count();
            double generationMs0 = generation.totalTime(TimeUnit.MILLISECONDS);
            long recorded0 = recording.count();
            double recordingMs0 = recording.totalTime(TimeUnit.MILLISECONDS);
            double[] a = new double[REPETITIONS];
            double[] f = new double[REPETITIONS];
            double[] b = new double[REPETITIONS];
            double[] b1 = new double[REPETITIONS];
            double[] bv = new double[REPETITIONS];
            double[] ratio = new double[REPETITIONS];
            double[] ratio1 = new double[REPETITIONS];
            double[] ratioV = new double[REPETITIONS];
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
                if (variant != null) {
                    bv[i] = pointsPerSecond(oneRequestVariant);
                    ratioV[i] = bv[i] / b1[i];
                }
                ratio[i] = b[i] / a[i];
                ratio1[i] = b1[i] / a[i];
                cpuA[i] = (c1 - c0) / 1e6;
                cpuB[i] = (c3 - c2) / 1e6;
            }
            double generationMs = (generation.totalTime(TimeUnit.MILLISECONDS) - generationMs0) / (generation.count() - generated0);
            double recordingMs = (recording.totalTime(TimeUnit.MILLISECONDS) - recordingMs0) / (recording.count() - recorded0);

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
            // Means, as the service's timers give them: milliseconds per dataset.
            double requestMs = meanMillis(b1);
            System.out.printf("(b1) where the time goes (means, ms per dataset): %.2f seen by the client = generating %.2f"
                            + " (in-process to a file %.2f, the integrator alone %.2f) + recording %.2f + the request itself %.2f%n",
                    requestMs, generationMs, meanMillis(f), meanMillis(a), recordingMs, requestMs - generationMs - recordingMs);
            if (variant != null) {
                System.out.printf("(b1v) variant [%s]: median %,.0f points/s, %.0f %% of (a)'s median; (b1v) / (b1): %.3f of medians,"
                                + " %.3f median of pairwise ratios%n",
                        VARIANT, median(bv), 100 * median(bv) / median(a), median(bv) / median(b1), median(ratioV));
            }
            // Each measured repetition posts two new recipes ((b) and (b1)), each recorded by one
            // durable insert: one WAL fsync per POST, or the commits are not durable.
            Thread.sleep(1000); // backends report their WAL statistics at most every 500 ms
            System.out.printf("WAL fsyncs per POST of a new recipe (the WAL writer's own included): %.2f%n",
                    (walSyncs(db) - walSyncs0) / ((variant == null ? 2.0 : 3.0) * REPETITIONS));
            System.out.printf("JVM CPU per run (all threads; PostgreSQL not counted): (a) median %.1f ms, (b) median %.1f ms"
                            + " (client and server share the JVM)%n", median(cpuA), median(cpuB));
            heapOfALargeGeneration(directory);
            underLoad(w, base, seeds);
        }
    }

    /** The service under test; {@code extraArguments} ("--key=value ...") add to or replace the defaults. */
    private static ConfigurableApplicationContext service(EmbeddedDatabase db, Path directory, String extraArguments) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("--server.port", "0");
        arguments.put("--spring.datasource.url", db.jdbcUrl(EmbeddedDatabase.DATABASE));
        arguments.put("--chaoscast.datasets.directory", directory.toString());
        arguments.put("--chaoscast.security.admin-token", TestTokens.ADMIN);
        arguments.put("--logging.level.root", "WARN");
        if (!extraArguments.isBlank()) {
            for (String argument : extraArguments.split("\\s+")) {
                int equals = argument.indexOf('=');
                if (!argument.startsWith("--") || equals < 0) {
                    throw new IllegalArgumentException("bench.variant takes --key=value arguments, found '" + argument + "'");
                }
                arguments.put(argument.substring(0, equals), argument.substring(equals + 1));
            }
        }
        return new SpringApplicationBuilder(DatasetServiceApplication.class)
                .run(arguments.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static String datasetsUri(ConfigurableApplicationContext app) {
        return "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port", Integer.class) + "/api/v1/datasets";
    }

    /** (b1): one POST of a new recipe answered with its bytes. */
    private static Runnable oneRequest(Workload w, String base, AtomicLong seeds) {
        return () -> expectNpy(exchange("POST", base, w.recipe(seeds.getAndIncrement()), 201, "application/x-npy"));
    }

    private static void expectNpy(byte[] data) {
        if (data.length != NPY_BYTES) {
            throw new IllegalStateException("unexpected NPY size " + data.length);
        }
    }

    /**
     * (d): {@link #STREAMS} in-process integrations at once against as many clients posting (b1)
     * at once, rounds alternating; every stream runs {@link #PER_STREAM} datasets per round.
     */
    private static void underLoad(Workload w, String base, AtomicLong seeds) throws InterruptedException {
        double[] a = new double[ROUNDS];
        double[] b = new double[ROUNDS];
        double[] ratio = new double[ROUNDS];
        for (int r = -1; r < ROUNDS; r++) { // round -1 warms the threads up
            double inProcess = concurrently(w::inProcess);
            double served = concurrently(() -> oneRequest(w, base, seeds));
            if (r >= 0) {
                a[r] = inProcess;
                b[r] = served;
                ratio[r] = served / inProcess;
            }
        }
        System.out.printf("(d) %d at once, %d rounds of %d datasets per stream: in-process median %,.0f points/s,"
                        + " service (one request each) %,.0f points/s: %.0f %% of medians, %.0f %% median of pairwise ratios%n",
                STREAMS, ROUNDS, PER_STREAM, median(a), median(b), 100 * median(b) / median(a), 100 * median(ratio));
    }

    /** Points per second of {@link #STREAMS} threads each running its own work {@link #PER_STREAM} times. */
    private static double concurrently(Supplier<Runnable> work) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[STREAMS];
        for (int k = 0; k < STREAMS; k++) {
            Runnable run = work.get();
            threads[k] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < PER_STREAM; i++) {
                    run.run();
                }
            });
            threads[k].start();
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return (double) STREAMS * PER_STREAM * LENGTH / ((System.nanoTime() - t0) / 1e9);
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

    /** Mean milliseconds per dataset of runs measured in points per second. */
    private static double meanMillis(double[] pointsPerSecond) {
        return Arrays.stream(pointsPerSecond).map(v -> 1e3 * LENGTH / v).average().orElseThrow();
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
