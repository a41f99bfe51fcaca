package io.chaoscast.results.models;

import io.chaoscast.web.problem.ApiException;
import io.chaoscast.web.problem.CommonError;
import io.chaoscast.contracts.results.ModelResponse;
import io.chaoscast.contracts.results.PageResponse;
import io.chaoscast.contracts.results.RegisterModelRequest;
import io.chaoscast.results.artifacts.ArtifactRepository;
import io.chaoscast.results.runs.RunRepository;
import io.chaoscast.results.web.Fields;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Registered model versions: a run's artifact plus the spec to rebuild the network. */
@Service
public class ModelRegistry {

    /** Largest spec accepted, serialised. */
    static final int MAX_SPEC_BYTES = 1 << 20;

    private static final String SELECT = """
            SELECT m.id, m.name, m.version, m.run_id, m.artifact_name, a.sha256, a.size_bytes, r.system_name,
                   r.model_type, m.spec::text AS spec, m.created_at
            FROM results.models m
            JOIN results.artifacts a ON a.run_id = m.run_id AND a.name = m.artifact_name
            JOIN results.runs r ON r.id = m.run_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ArtifactRepository artifacts;
    private final RunRepository runs;

    public ModelRegistry(JdbcClient jdbc, JsonMapper json, ArtifactRepository artifacts, RunRepository runs) {
        this.jdbc = jdbc;
        this.json = json;
        this.artifacts = artifacts;
        this.runs = runs;
    }

    /** Checks a registration before any write. */
    String validate(RegisterModelRequest r) {
        Fields.body(r);
        Fields.safeName("name", r.name());
        if (r.runId() == null) {
            throw ApiException.invalidValue("runId", "is required (the run that produced the artifact)");
        }
        Fields.safeName("artifactName", r.artifactName());
        if (r.spec() == null || !r.spec().isObject()) {
            throw ApiException.invalidValue("spec", "must be a JSON object describing the network, found "
                    + (r.spec() == null ? "null" : r.spec().getNodeType().toString().toLowerCase()));
        }
        String spec = json.writeValueAsString(r.spec());
        if (spec.length() > MAX_SPEC_BYTES) {
            throw ApiException.invalidValue("spec", "must be at most " + MAX_SPEC_BYTES + " characters, found " + spec.length());
        }
        if (spec.contains("\\u0000")) { // how the serialised JSON writes a NUL; only then is the tree walked
            checkStorable("spec", r.spec());
        }
        return spec;
    }

    /** jsonb cannot hold the NUL character in a string or a key: name the first place that has one. */
    private static void checkStorable(String path, JsonNode node) {
        if (node.isString()) {
            Fields.storable(path, node.stringValue());
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode element : node.values()) {
                checkStorable(path + "[" + i++ + "]", element);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().indexOf('\0') >= 0) {
                    throw ApiException.invalidValue(path, "must not have a key with the NUL character (U+0000)");
                }
                checkStorable(path + "." + e.getKey(), e.getValue());
            }
        }
    }

    /** Must run inside the caller's transaction (the idempotent write). */
    ModelResponse register(RegisterModelRequest r) {
        String spec = validate(r);
        if (artifacts.find(r.runId(), r.artifactName()).isEmpty()) {
            if (runs.find(r.runId()).isEmpty()) {
                throw new ApiException(CommonError.NOT_FOUND, "runId", "run " + r.runId() + " does not exist");
            }
            throw new ApiException(CommonError.NOT_FOUND, "artifactName",
                    "run " + r.runId() + " has no artifact '" + r.artifactName() + "'; upload it first");
        }
        // The upsert takes the name's row lock: concurrent registrations of one name get 1, 2, 3…
        int version = jdbc.sql("""
                        INSERT INTO results.model_names AS n (name, latest_version) VALUES (?, 1)
                        ON CONFLICT (name) DO UPDATE SET latest_version = n.latest_version + 1
                        RETURNING latest_version""")
                .param(r.name())
                .query(Integer.class)
                .single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO results.models (id, name, version, run_id, artifact_name, spec)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb)""")
                .params(id, r.name(), version, r.runId(), r.artifactName(), spec)
                .update();
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<ModelResponse> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE m.id = ?").param(id).query(this::map).optional();
    }

    @Transactional(readOnly = true)
    public PageResponse<ModelResponse> list(String name, int page, int size) {
        String where = name == null ? "" : "WHERE m.name = ? ";
        List<Object> args = name == null ? List.of() : List.of(name);
        List<ModelResponse> items = jdbc.sql(SELECT + where + "ORDER BY m.created_at DESC, m.name, m.version DESC LIMIT ? OFFSET ?")
                .params(concat(args, size, (long) page * size))
                .query(this::map)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM results.models m " + where)
                .params(args)
                .query(Long.class)
                .single();
        return new PageResponse<>(items, page, size, total);
    }

    private static List<Object> concat(List<Object> args, Object... more) {
        List<Object> all = new java.util.ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    private ModelResponse map(ResultSet rs, int row) throws SQLException {
        UUID runId = rs.getObject("run_id", UUID.class);
        String artifact = rs.getString("artifact_name");
        return new ModelResponse(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getInt("version"),
                runId,
                artifact,
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                "/api/v1/runs/" + runId + "/artifacts/" + artifact,
                rs.getString("system_name"),
                rs.getString("model_type"),
                json.readTree(rs.getString("spec")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
