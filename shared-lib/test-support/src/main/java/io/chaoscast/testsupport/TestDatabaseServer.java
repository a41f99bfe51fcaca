package io.chaoscast.testsupport;

import io.chaoscast.embeddeddb.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL server the tests of a JVM share. Chosen once, in this order:
 *
 * <ol>
 *   <li>{@code CHAOSCAST_TEST_DATABASE_URL} (with {@code CHAOSCAST_TEST_DATABASE_USER} and
 *       {@code CHAOSCAST_TEST_DATABASE_PASSWORD}): a server you run yourself;
 *   <li>Testcontainers' PostgreSQL, when a Docker engine answers;
 *   <li>an embedded PostgreSQL (zonky), which needs nothing installed.
 * </ol>
 *
 * Every test context gets a fresh database on that server ({@link #newDatabase()}), so test
 * classes never see each other's rows and no test has to clean up after itself.
 */
public final class TestDatabaseServer {

    private static volatile TestDatabaseServer instance;

    private final String baseUrl; // jdbc:postgresql://host:port/
    private final String adminDatabase;
    private final String username;
    private final String password;
    private final String description;

    private TestDatabaseServer(
            String baseUrl, String adminDatabase, String username, String password, String description) {
        this.baseUrl = baseUrl;
        this.adminDatabase = adminDatabase;
        this.username = username;
        this.password = password;
        this.description = description;
    }

    public static TestDatabaseServer get() {
        TestDatabaseServer s = instance;
        if (s == null) {
            synchronized (TestDatabaseServer.class) {
                s = instance;
                if (s == null) {
                    s = start();
                    instance = s;
                }
            }
        }
        return s;
    }

    private static TestDatabaseServer start() {
        String url = System.getenv("CHAOSCAST_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            int slash = url.lastIndexOf('/');
            String db = url.substring(slash + 1).replaceAll("\\?.*", "");
            return new TestDatabaseServer(
                    url.substring(0, slash + 1),
                    db,
                    envOr("CHAOSCAST_TEST_DATABASE_USER", "postgres"),
                    envOr("CHAOSCAST_TEST_DATABASE_PASSWORD", "postgres"),
                    "external PostgreSQL at " + url);
        }
        if (!"false".equals(System.getenv("CHAOSCAST_TEST_DOCKER")) && dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            String jdbc = container.getJdbcUrl();
            int slash = jdbc.lastIndexOf('/');
            return new TestDatabaseServer(
                    jdbc.substring(0, slash + 1),
                    container.getDatabaseName(),
                    container.getUsername(),
                    container.getPassword(),
                    "Testcontainers PostgreSQL " + jdbc);
        }
        try {
            EmbeddedDatabase db = EmbeddedDatabase.start(0, null);
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        try {
                                            db.close();
                                        } catch (Exception ignored) {
                                            // the JVM is going away; the temp directory goes with it
                                        }
                                    }));
            return new TestDatabaseServer(
                    "jdbc:postgresql://localhost:" + db.port() + "/",
                    "postgres",
                    db.username(),
                    db.password(),
                    "embedded PostgreSQL on port " + db.port());
        } catch (Exception e) {
            throw new IllegalStateException(
                    "No PostgreSQL for tests: set CHAOSCAST_TEST_DATABASE_URL, start a Docker engine, or"
                            + " make sure the embedded PostgreSQL can run here ("
                            + e.getMessage()
                            + ")",
                    e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Creates an empty database on the server and returns its JDBC URL. */
    public String newDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        try (Connection c = DriverManager.getConnection(baseUrl + adminDatabase, username, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database on " + description + ": " + e.getMessage(), e);
        }
        return baseUrl + name;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String description() {
        return description;
    }
}
