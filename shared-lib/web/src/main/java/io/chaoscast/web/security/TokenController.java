package io.chaoscast.web.security;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Token management ({@code admin} scope): create, list, revoke. The secret is shown once, at creation. */
@RestController
public class TokenController {

    /** Body of {@code POST /api/v1/auth/tokens}. */
    public record CreateTokenRequest(String name, List<String> scopes) {}

    /** Answer of a creation: the stored token plus its secret, which is never shown again. */
    public record CreateTokenResponse(JdbcTokenStore.StoredToken token, String secret) {}

    private final JdbcTokenStore store;

    public TokenController(JdbcTokenStore store) {
        this.store = store;
    }

    @PostMapping(RequestRules.TOKENS_PATH)
    public ResponseEntity<?> create(@RequestBody CreateTokenRequest request) {
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            return invalid("name", "must be 1 to 100 characters");
        }
        if (request.scopes() == null || request.scopes().isEmpty()) {
            return invalid("scopes", "must list at least one of read, write, admin");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : request.scopes()) {
            Scope scope = Scope.parse(s);
            if (scope == null) {
                return invalid("scopes", "each must be one of read, write, admin; found '" + s + "'");
            }
            scopes.add(scope);
        }
        JdbcTokenStore.CreatedToken created = store.create(request.name().trim(), Scope.expand(scopes));
        return ResponseEntity.created(URI.create(RequestRules.TOKENS_PATH + "/" + created.token().id()))
                .body(new CreateTokenResponse(created.token(), created.secret()));
    }

    @GetMapping(RequestRules.TOKENS_PATH)
    public List<JdbcTokenStore.StoredToken> list() {
        return store.list();
    }

    @DeleteMapping(RequestRules.TOKENS_PATH + "/{id}")
    public ResponseEntity<?> revoke(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return invalid("id", "must be a UUID; found '" + id + "'");
        }
        if (!store.revoke(uuid)) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no token with id " + uuid);
            p.setType(URI.create("https://chaoscast.io/problems/not-found"));
            p.setProperty("code", "not-found");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(p);
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        p.setType(URI.create("https://chaoscast.io/problems/invalid-field"));
        p.setTitle("Invalid field");
        p.setProperty("code", "invalid-field");
        p.setProperty("field", field);
        return ResponseEntity.badRequest().body(p);
    }
}
