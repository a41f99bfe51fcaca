package io.chaoscast.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a running service's access rules over every operation its {@code /v3/api-docs} lists, so
 * that a new endpoint cannot be forgotten: without a token every API operation answers 401, with
 * a {@code read} token every operation that writes answers 403, both as problem details. The
 * checks never reach a controller (security answers first), so they change nothing.
 */
public final class AccessCheck {

    /** One operation of the API description, with its path parameters filled in. */
    public record Operation(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private AccessCheck() {}

    /** Every operation under {@code /api/} that {@code base}'s {@code /v3/api-docs} lists. */
    public static List<Operation> operations(URI base) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/v3/api-docs")).GET(), null);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /v3/api-docs must be open, got " + r.statusCode() + ": " + r.body());
        }
        List<Operation> out = new ArrayList<>();
        JsonNode paths = JSON.readTree(r.body()).path("paths");
        for (String path : paths.propertyNames()) {
            if (!path.startsWith("/api/")) {
                continue;
            }
            String filled = path.replace("/**", "/api/v1/x").replaceAll("\\{id\\}|\\{[a-zA-Z]*Id\\}", "00000000-0000-0000-0000-000000000000")
                    .replaceAll("\\{[^}]+\\}", "x");
            for (String m : paths.path(path).propertyNames()) {
                if (METHODS.contains(m)) {
                    out.add(new Operation(m.toUpperCase(Locale.ROOT), filled));
                }
            }
        }
        return out;
    }

    /**
     * Asserts the rules over every operation of {@code base}: 401 without a token; 403 with {@code
     * readToken} for every operation that is not a {@code GET}; token management 403 with {@code
     * writeToken}. Returns the operations checked.
     */
    public static List<Operation> assertGuarded(URI base, String readToken, String writeToken) {
        List<Operation> ops = operations(base);
        List<String> failures = new ArrayList<>();
        for (Operation op : ops) {
            expect(failures, op, base, null, 401);
            boolean tokens = op.path().startsWith("/api/v1/auth/tokens");
            if (!op.method().equals("GET") || tokens) {
                expect(failures, op, base, readToken, 403);
            }
            if (tokens) {
                expect(failures, op, base, writeToken, 403);
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " operations not guarded:\n" + String.join("\n", failures));
        }
        return ops;
    }

    private static void expect(List<String> failures, Operation op, URI base, String token, int status) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(op.path()))
                .header("Content-Type", "application/json")
                .method(op.method(), op.method().equals("GET") || op.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        HttpResponse<String> r = send(b, token);
        String type = r.headers().firstValue("Content-Type").orElse("");
        boolean problem = type.startsWith("application/problem+json")
                && JSON.readTree(r.body()).path("status").asInt() == status;
        if (r.statusCode() != status || !problem) {
            failures.add(op + (token == null ? " without a token" : " with a limited token") + ": expected " + status
                    + " problem, got " + r.statusCode() + " " + type + " " + r.body());
        }
    }

    /** Creates a token with {@code scopes} through {@code base}'s token API (with the test admin token); returns its secret. */
    public static String createToken(URI base, String name, String... scopes) {
        String body = "{\"name\":\"" + name + "\",\"scopes\":[\"" + String.join("\",\"", scopes) + "\"]}";
        HttpResponse<String> r = send(
                HttpRequest.newBuilder(base.resolve("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                TestTokens.ADMIN);
        if (r.statusCode() != 201) {
            throw new AssertionError("token creation failed: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("secret").asString();
    }

    /** Sends {@code b} with {@code token} as bearer (none when null). */
    public static HttpResponse<String> send(HttpRequest.Builder b, String token) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
