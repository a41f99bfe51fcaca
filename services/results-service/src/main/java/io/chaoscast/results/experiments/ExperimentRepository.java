package io.chaoscast.results.experiments;

import io.chaoscast.contracts.results.ExperimentResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code results.experiments} table. */
@Repository
public class ExperimentRepository {

    private final JdbcClient jdbc;

    public ExperimentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new experiment; empty when the name is taken. */
    public Optional<ExperimentResponse> insert(String name, String description) {
        return jdbc.sql("""
                        INSERT INTO results.experiments (id, name, description) VALUES (?, ?, ?)
                        ON CONFLICT (name) DO NOTHING
                        RETURNING id, name, description, created_at""")
                .params(UUID.randomUUID(), name, description)
                .query(ExperimentRepository::map)
                .optional();
    }

    /** The experiment of this name, created (without description) when missing. */
    public ExperimentResponse getOrCreate(String name) {
        return insert(name, null).orElseGet(() -> findByName(name).orElseThrow());
    }

    public Optional<ExperimentResponse> findByName(String name) {
        return jdbc.sql("SELECT id, name, description, created_at FROM results.experiments WHERE name = ?")
                .param(name)
                .query(ExperimentRepository::map)
                .optional();
    }

    public List<ExperimentResponse> findAll() {
        return jdbc.sql("SELECT id, name, description, created_at FROM results.experiments ORDER BY created_at, name")
                .query(ExperimentRepository::map)
                .list();
    }

    static ExperimentResponse map(ResultSet rs, int row) throws SQLException {
        return new ExperimentResponse(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
