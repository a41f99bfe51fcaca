package io.chaoscast.web.security;

import io.chaoscast.web.problem.ApiException;
import io.chaoscast.web.problem.CommonError;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
    public ResponseEntity<CreateTokenResponse> create(@RequestBody CreateTokenRequest request) {
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 100
                || request.name().chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid("name", "name must be 1 to 100 characters, none of them control characters");
        }
        if (request.scopes() == null || request.scopes().isEmpty()) {
            throw ApiException.invalid("scopes", "scopes must list at least one of read, write, admin");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : request.scopes()) {
            Scope scope = Scope.parse(s);
            if (scope == null) {
                throw ApiException.invalid("scopes", "scopes must each be one of read, write, admin; found '" + s + "'");
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
    public ResponseEntity<Void> revoke(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("id", "id must be a UUID; found '" + id + "'");
        }
        if (!store.revoke(uuid)) {
            throw new ApiException(CommonError.NOT_FOUND, "id", "no token with id " + uuid);
        }
        return ResponseEntity.noContent().build();
    }
}
