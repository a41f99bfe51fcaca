package io.chaoscast.e2e.faults;

import io.chaoscast.embeddeddb.EmbeddedDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One embedded PostgreSQL (fixed port and data directory, so it can be stopped and started again
 * as the same server) and the dataset-, results- and training-service as child processes started
 * from their boot jars in {@code services/*}/target.
 */
final class FaultyPlatform implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    final Path work;
    private final int pgPort;
    private final Path pgData;
    private EmbeddedDatabase db;
    final ServiceProcess datasets;
    final ServiceProcess results;
    final ServiceProcess training;

    private FaultyPlatform(Path work, Path root, Map<String, String> settings) throws IOException {
        this.work = work;
        this.pgPort = freePort();
        this.pgData = work.resolve("pgdata");
        int dp = freePort();
        int rp = freePort();
        int tp = freePort();
        Map<String, String> common = new LinkedHashMap<>();
        common.put("spring.datasource.url", "jdbc:postgresql://localhost:" + pgPort + "/" + EmbeddedDatabase.DATABASE);
        common.put("spring.datasource.username", "postgres");
        common.put("spring.datasource.password", "postgres");
        // Fail fast while the database is down: the callers retry, the pool should not hang 30 s.
        common.put("spring.datasource.hikari.connection-timeout", "3000");
        common.put("chaoscast.services.dataset-url", "http://localhost:" + dp);
        common.put("chaoscast.services.results-url", "http://localhost:" + rp);
        common.put("chaoscast.services.training-url", "http://localhost:" + tp);
        common.put("chaoscast.services.inference-url", "http://localhost:1");
        // Each service binds what it knows and ignores the other services' properties.
        common.putAll(settings);

        Map<String, String> ds = new LinkedHashMap<>(common);
        ds.put("chaoscast.datasets.directory", work.resolve("datasets").toString());
        datasets = new ServiceProcess("dataset-service", jar(root, "dataset-service"), dp, ds, work);
        results = new ServiceProcess("results-service", jar(root, "results-service"), rp, common, work);
        training = new ServiceProcess("training-service", jar(root, "training-service"), tp, common, work);
    }

    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("services/training-service"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("not inside the ChaosCast repository: " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static Path jar(Path root, String service) {
        return root.resolve("services").resolve(service).resolve("target").resolve(service + "-exec.jar");
    }

    static boolean jarsPresent() {
        Path root = repositoryRoot();
        return List.of("dataset-service", "results-service", "training-service").stream().allMatch(s -> Files.isRegularFile(jar(root, s)));
    }

    /**
     * Starts the database and the three services.
     *
     * @param settings Spring properties for every service (each binds the ones it knows)
     */
    static FaultyPlatform start(Path work, Map<String, String> settings) throws Exception {
        FaultyPlatform p = new FaultyPlatform(work, repositoryRoot(), settings);
        p.startDatabase();
        // The three JVMs start side by side: boot time is most of a short run.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Object>> started = pool.invokeAll(List.<Callable<Object>>of(
                    () -> start(p.datasets), () -> start(p.results), () -> start(p.training)));
            for (Future<Object> f : started) {
                f.get();
            }
        } catch (Exception e) {
            p.close();
            throw e;
        } finally {
            pool.shutdownNow();
        }
        return p;
    }

    private static Object start(ServiceProcess s) throws Exception {
        s.start(START_TIMEOUT);
        return null;
    }

    void startDatabase() throws IOException {
        db = EmbeddedDatabase.start(pgPort, pgData);
    }

    /** Stops PostgreSQL (fast shutdown: open connections are cut, as in a crash of the server or a failover). */
    void stopDatabase() throws IOException {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/" + EmbeddedDatabase.DATABASE, "postgres", "postgres");
    }

    @Override
    public void close() {
        for (ServiceProcess s : List.of(training, results, datasets)) {
            try {
                s.kill9();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            stopDatabase();
        } catch (IOException ignored) {
            // the test reports its own failure
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
