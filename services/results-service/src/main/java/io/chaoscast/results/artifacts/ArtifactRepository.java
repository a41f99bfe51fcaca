package io.chaoscast.results.artifacts;

import io.chaoscast.contracts.results.ArtifactResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code results.artifacts} table (metadata; the bytes are large objects). */
@Repository
public class ArtifactRepository {

    /** A stored artifact and the large object that holds its bytes. */
    public record StoredArtifact(ArtifactResponse metadata, long contentOid) {}

    private static final String SELECT =
            "SELECT run_id, name, sha256, size_bytes, content_type, created_at, content_oid FROM results.artifacts ";

    private final JdbcClient jdbc;

    ArtifactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ArtifactResponse insert(UUID runId, String name, String sha256, long size, String contentType, long oid) {
        return jdbc.sql("""
                        INSERT INTO results.artifacts (run_id, name, sha256, size_bytes, content_type, content_oid)
                        VALUES (?, ?, ?, ?, ?, ?)
                        RETURNING run_id, name, sha256, size_bytes, content_type, created_at, content_oid""")
                .params(runId, name, sha256, size, contentType, oid)
                .query(ArtifactRepository::map)
                .single()
                .metadata();
    }

    public Optional<StoredArtifact> find(UUID runId, String name) {
        return jdbc.sql(SELECT + "WHERE run_id = ? AND name = ?")
                .params(runId, name)
                .query(ArtifactRepository::map)
                .optional();
    }

    List<ArtifactResponse> list(UUID runId) {
        return jdbc.sql(SELECT + "WHERE run_id = ? ORDER BY name")
                .param(runId)
                .query(ArtifactRepository::map)
                .list()
                .stream()
                .map(StoredArtifact::metadata)
                .toList();
    }

    private static StoredArtifact map(ResultSet rs, int row) throws SQLException {
        return new StoredArtifact(
                new ArtifactResponse(
                        rs.getObject("run_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("sha256"),
                        rs.getLong("size_bytes"),
                        rs.getString("content_type"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()),
                rs.getLong("content_oid"));
    }
}
