package io.chaoscast.web.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a token with results-service ({@code GET /api/v1/auth/whoami}, sent with the token
 * itself), for a service that has no database of its own. Answers are cached for a short time
 * (by the token's hash, never the token), so a forecast does not cost a second request; a
 * revocation therefore takes up to that long here. When results-service cannot be reached (or
 * answers anything but 200 or 401), a token not in the cache is refused (fail closed) with a 503
 * to retry, not a 401 that would call a valid token invalid, and nothing is cached.
 */
public final class IntrospectingTokenStore implements TokenStore {

    private record Cached(Optional<ApiPrincipal> principal, long expiresAtNanos) {}

    private static final int MAX_ENTRIES = 10_000;

    private final URI uri;
    private final Duration ttl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public IntrospectingTokenStore(URI uri, Duration ttl) {
        this.uri = uri;
        this.ttl = ttl;
    }

    @Override
    public Optional<ApiPrincipal> authenticate(String token) {
        String key = HexFormat.of().formatHex(Tokens.sha256(token));
        long now = System.nanoTime();
        Cached c = cache.get(key);
        if (c != null && c.expiresAtNanos() - now > 0) {
            return c.principal();
        }
        Optional<ApiPrincipal> answer;
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(5))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                JsonNode body = json.readTree(r.body());
                Set<Scope> scopes = EnumSet.noneOf(Scope.class);
                body.path("scopes").forEach(s -> {
                    Scope scope = Scope.parse(s.asString());
                    if (scope != null) {
                        scopes.add(scope);
                    }
                });
                answer = Optional.of(new ApiPrincipal(body.path("name").asString(), scopes, "introspection"));
            } else if (r.statusCode() == 401) {
                answer = Optional.empty();
            } else {
                throw unavailable("answered " + r.statusCode());
            }
        } catch (TokenCheckUnavailableException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unavailable("did not answer (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("was not asked: the request thread was interrupted");
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Cached(answer, now + ttl.toNanos()));
        return answer;
    }

    private TokenCheckUnavailableException unavailable(String what) {
        return new TokenCheckUnavailableException("the bearer token could not be checked: the results-service at " + uri + " "
                + what + "; retry shortly");
    }
}
