package io.chaoscast.testsupport;

import java.net.http.HttpRequest;
import java.util.Map;

/**
 * The one token every test authenticates with. Every Spring test context marked {@link
 * PostgresIntegrationTest} and every {@link RunningService} is configured with it as {@code
 * chaoscast.security.admin-token} (all scopes) and as {@code chaoscast.security.client-token}
 * (what the service sends on its own calls to the others), so a test client only has to send
 * {@code Authorization: Bearer }{@link #ADMIN}.
 */
public final class TestTokens {

    /** Has every scope (read, write, admin) in every service started by the test support. */
    public static final String ADMIN = "cct_test-admin-token-0123456789abcdefghijklmnopqrstuvwxyz";

    /** The value of the {@code Authorization} header for {@link #ADMIN}. */
    public static final String AUTHORIZATION = "Bearer " + ADMIN;

    private TestTokens() {}

    /** The properties that make a service accept {@link #ADMIN} and send it to the others. */
    public static Map<String, Object> properties() {
        return Map.of("chaoscast.security.admin-token", ADMIN, "chaoscast.security.client-token", ADMIN);
    }

    /** {@code HttpRequest.newBuilder(uri)} with the admin token's {@code Authorization} header. */
    public static HttpRequest.Builder request(java.net.URI uri) {
        return authorized(HttpRequest.newBuilder(uri));
    }

    /** {@code builder} with the admin token's {@code Authorization} header. */
    public static HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return builder.header("Authorization", AUTHORIZATION);
    }
}
