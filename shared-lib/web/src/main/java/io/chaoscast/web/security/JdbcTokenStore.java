package io.chaoscast.web.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API tokens in PostgreSQL ({@code auth.api_tokens}), shared by every service of an installation:
 * a token created through one service works on all of them, and a revocation takes effect at once
 * everywhere the table is read.
 */
public class JdbcTokenStore implements TokenStore {

    /** A stored token, without its secret. */
    public record StoredToken(
            UUID id, String name, List<String> scopes, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

    /** A token just created: the only moment its secret is known. */
    public record CreatedToken(StoredToken token, String secret) {}

    private final JdbcTemplate jdbc;

    public JdbcTokenStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ApiPrincipal> authenticate(String token) {
        String hash = Tokens.sha256Hex(token);
        List<StoredToken> found = jdbc.query(
                "SELECT id, name, scopes, created_at, last_used_at, revoked_at, token_hash FROM auth.api_tokens"
                        + " WHERE token_hash = ? AND revoked_at IS NULL",
                (rs, i) -> Tokens.sameHash(
                                rs.getString("token_hash").getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                                hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        ? row(rs)
                        : null,
                hash);
        StoredToken t = found.stream().filter(Objects::nonNull).findFirst().orElse(null);
        if (t == null) {
            return Optional.empty();
        }
        // At most one write a minute per token: last use is for people, not an audit log.
        jdbc.update(
                "UPDATE auth.api_tokens SET last_used_at = now() WHERE id = ?"
                        + " AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
                t.id());
        return Optional.of(new ApiPrincipal(t.name(), parse(t.scopes()), "database"));
    }

    public CreatedToken create(String name, Set<Scope> scopes) {
        String secret = Tokens.generate();
        UUID id = UUID.randomUUID();
        String wire = scopes.stream().map(Scope::wire).sorted().collect(Collectors.joining(","));
        jdbc.update(
                "INSERT INTO auth.api_tokens (id, name, token_hash, scopes) VALUES (?, ?, ?, ?)",
                id,
                name,
                Tokens.sha256Hex(secret),
                wire);
        return new CreatedToken(find(id).orElseThrow(), secret);
    }

    public List<StoredToken> list() {
        return jdbc.query(
                "SELECT id, name, scopes, created_at, last_used_at, revoked_at FROM auth.api_tokens ORDER BY created_at, id",
                (rs, i) -> row(rs));
    }

    public Optional<StoredToken> find(UUID id) {
        return jdbc.query(
                        "SELECT id, name, scopes, created_at, last_used_at, revoked_at FROM auth.api_tokens WHERE id = ?",
                        (rs, i) -> row(rs),
                        id)
                .stream()
                .findFirst();
    }

    /** Revokes the token; true when it exists (revoking twice is no error). */
    public boolean revoke(UUID id) {
        jdbc.update("UPDATE auth.api_tokens SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL", id);
        return find(id).isPresent();
    }

    private static StoredToken row(ResultSet rs) throws SQLException {
        return new StoredToken(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Arrays.stream(rs.getString("scopes").split(",")).filter(s -> !s.isBlank()).toList(),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Set<Scope> parse(List<String> wire) {
        Set<Scope> out = EnumSet.noneOf(Scope.class);
        for (String w : wire) {
            Scope s = Scope.parse(w);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
