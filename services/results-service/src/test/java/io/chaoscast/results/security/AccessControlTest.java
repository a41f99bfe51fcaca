package io.chaoscast.results.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.results.ResultsServiceTest;
import io.chaoscast.testsupport.AccessCheck;
import io.chaoscast.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who may do what on results-service: tokens, scopes, revocation, open probes, headers. */
class AccessControlTest extends ResultsServiceTest {

    private URI base() {
        return URI.create("http://localhost:" + port);
    }

    private HttpResponse<String> call(String method, String path, String body, String token) {
        return AccessCheck.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    @Test
    void everyWriteAnswers401WithoutTokenAnd403WithReadToken() {
        String read = AccessCheck.createToken(base(), "reader", "read");
        String write = AccessCheck.createToken(base(), "writer", "write");
        List<AccessCheck.Operation> ops = AccessCheck.assertGuarded(base(), read, write);
        // The description really lists the writes (else the check above proves nothing).
        assertThat(ops).extracting(AccessCheck.Operation::toString).contains(
                "POST /api/v1/runs", "POST /api/v1/models", "POST /api/v1/auth/tokens",
                "DELETE /api/v1/auth/tokens/00000000-0000-0000-0000-000000000000");
        assertThat(ops.stream().filter(o -> !o.method().equals("GET")).count()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void readTokenReadsButCannotWriteAndRevocationTakesEffectAtOnce() {
        String read = AccessCheck.createToken(base(), "revocable", "read");
        assertThat(call("GET", "/api/v1/runs", null, read).statusCode()).isEqualTo(200);
        HttpResponse<String> denied = call("POST", "/api/v1/experiments", "{\"name\":\"x\"}", read);
        assertProblem(denied, 403, null);
        assertThat(body(denied).path("code").asString()).isEqualTo("forbidden");
        // the same type scheme as every other problem of the platform
        assertThat(body(denied).path("type").asString()).isEqualTo("urn:chaoscast:problem:forbidden");

        JsonNode me = body(call("GET", "/api/v1/auth/whoami", null, read));
        assertThat(me.path("name").asString()).isEqualTo("revocable");
        assertThat(me.path("scopes")).extracting(JsonNode::asString).containsExactly("read");

        String id = tokenId("revocable");
        assertThat(call("DELETE", "/api/v1/auth/tokens/" + id, null, TestTokens.ADMIN).statusCode()).isEqualTo(204);
        HttpResponse<String> after = call("GET", "/api/v1/runs", null, read);
        assertProblem(after, 401, null);
        assertThat(body(after).path("type").asString()).isEqualTo("urn:chaoscast:problem:unauthorized");
        assertThat(body(after).path("code").asString()).isEqualTo("unauthorized");
        HttpResponse<String> unknown = call("DELETE", "/api/v1/auth/tokens/" + java.util.UUID.randomUUID(), null, TestTokens.ADMIN);
        assertProblem(unknown, 404, "id");
        assertThat(body(unknown).path("type").asString()).isEqualTo("urn:chaoscast:problem:not-found");
        assertThat(after.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void tokenManagementNeedsAdminAndNeverShowsSecretsAgain() {
        String write = AccessCheck.createToken(base(), "no-admin", "write");
        assertProblem(call("GET", "/api/v1/auth/tokens", null, write), 403, null);
        HttpResponse<String> list = call("GET", "/api/v1/auth/tokens", null, TestTokens.ADMIN);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("no-admin").doesNotContain(write).doesNotContain("hash");
        // write includes read; last use is recorded
        assertThat(call("GET", "/api/v1/runs", null, write).statusCode()).isEqualTo(200);
        JsonNode row = tokenRow("no-admin");
        assertThat(row.path("scopes")).extracting(JsonNode::asString).containsExactly("read", "write");
        assertThat(row.path("lastUsedAt").isNull()).isFalse();

        assertProblem(call("POST", "/api/v1/auth/tokens", "{\"name\":\"bad\",\"scopes\":[\"root\"]}", TestTokens.ADMIN), 400, "scopes");
        assertProblem(call("POST", "/api/v1/auth/tokens", "{\"scopes\":[\"read\"]}", TestTokens.ADMIN), 400, "name");
        // a NUL was silently dropped from the stored name ("a\u0000" became "a")
        HttpResponse<String> nul = call("POST", "/api/v1/auth/tokens", "{\"name\":\"a\\u0000\",\"scopes\":[\"read\"]}", TestTokens.ADMIN);
        assertProblem(nul, 400, "name");
        assertThat(body(nul).path("type").asString()).isEqualTo("urn:chaoscast:problem:invalid-field");
        assertThat(body(nul).path("detail").asString()).contains("1 to 100 characters", "control characters");
        assertProblem(call("DELETE", "/api/v1/auth/tokens/not-a-uuid", null, TestTokens.ADMIN), 400, "id");
        // Tokens do not expire: a made-up expiry must not be dropped in silence, leaving one that never does.
        var expiry = assertProblem(call("POST", "/api/v1/auth/tokens",
                "{\"name\":\"expiring\",\"scopes\":[\"read\"],\"expiresAt\":\"2000-01-01T00:00:00Z\"}", TestTokens.ADMIN), 400, "expiresAt");
        assertThat(expiry.path("detail").asString()).contains("[name, scopes]");
        assertThat(call("GET", "/api/v1/auth/tokens", null, TestTokens.ADMIN).body()).doesNotContain("expiring");
    }

    @Test
    void unknownTokensAndOtherSchemesAre401AndProbesStayOpen() {
        assertProblem(call("GET", "/api/v1/runs", null, "cct_not-a-token"), 401, null);
        HttpResponse<String> basic = AccessCheck.send(
                HttpRequest.newBuilder(uri("/api/v1/runs")).header("Authorization", "Basic YWRtaW46YWRtaW4=").GET(), null);
        assertProblem(basic, 401, null);
        for (String open : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus", "/v3/api-docs")) {
            assertThat(call("GET", open, null, null).statusCode()).as(open).isEqualTo(200);
        }
    }

    @Test
    void dashboardPagesCarryStrictSecurityHeaders() {
        HttpResponse<String> page = call("GET", "/", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        // no inline script or style left in the page itself
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style").doesNotContain("style=");
        assertThat(call("GET", "/api/v1/runs", null, null).headers().firstValue("Content-Security-Policy")).isPresent();
    }

    private String tokenId(String name) {
        return tokenRow(name).path("id").asString();
    }

    private JsonNode tokenRow(String name) {
        for (JsonNode t : body(call("GET", "/api/v1/auth/tokens", null, TestTokens.ADMIN))) {
            if (t.path("name").asString().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no token named " + name);
    }
}
