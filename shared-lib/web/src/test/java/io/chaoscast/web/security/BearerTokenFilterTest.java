package io.chaoscast.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The bearer filter with a JWT signed by a key made here (as an identity provider would), and with
 * configured API tokens: which scopes each grants, and that a bad token is a 401 problem.
 */
class BearerTokenFilterTest {

    private static final KeyPair PROVIDER = rsa();
    private static final KeyPair STRANGER = rsa();

    private final ApiSecurityProperties properties =
            new ApiSecurityProperties("admin-secret", Map.of("training", "training-secret"), null, null, null, "scope");
    private final BearerTokenFilter filter = new BearerTokenFilter(
            List.of(new ConfiguredTokens(properties)),
            NimbusJwtDecoder.withPublicKey((RSAPublicKey) PROVIDER.getPublic()).build(),
            new JwtScopes("scope"));

    @Test
    void jwtScopesMapToTheSameScopesAsApiTokens() throws Exception {
        assertThat(authorities(jwt(PROVIDER, "alice", "openid chaoscast:write"))).containsExactlyInAnyOrder("SCOPE_read", "SCOPE_write");
        assertThat(authorities(jwt(PROVIDER, "bob", List.of("read")))).containsExactly("SCOPE_read");
        assertThat(authorities(jwt(PROVIDER, "root", "chaoscast.admin"))).containsExactlyInAnyOrder("SCOPE_read", "SCOPE_write", "SCOPE_admin");
        assertThat(authorities(jwt(PROVIDER, "carol", "openid profile"))).isEmpty();
    }

    @Test
    void jwtSignedByAnotherKeyOrExpiredIs401() throws Exception {
        assertThat(status(jwt(STRANGER, "mallory", "admin"))).isEqualTo(401);
        assertThat(status(sign(PROVIDER, new JWTClaimsSet.Builder().subject("late").claim("scope", "read")
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build()))).isEqualTo(401);
    }

    @Test
    void configuredTokensGrantTheirScopesAndUnknownOnesAre401() throws Exception {
        assertThat(authorities("admin-secret")).containsExactlyInAnyOrder("SCOPE_read", "SCOPE_write", "SCOPE_admin");
        assertThat(authorities("training-secret")).containsExactlyInAnyOrder("SCOPE_read", "SCOPE_write");
        MockHttpServletResponse r = run("admin-secreT", new AtomicReference<>());
        assertThat(r.getStatus()).isEqualTo(401);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        assertThat(r.getContentAsString()).contains("\"code\":\"unauthorized\"").doesNotContain("admin-secret");
    }

    /**
     * With results-service down, a valid token that inference-service had not cached was answered
     * 401 "unknown, revoked or expired", telling the client to throw it away: a token that cannot
     * be checked now is a 503 to retry. A refusal by results-service stays a 401.
     */
    @Test
    void aTokenThatCannotBeCheckedNowIs503NotAn401() throws Exception {
        AtomicReference<Integer> answer = new AtomicReference<>(503);
        HttpServer results = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        results.createContext("/api/v1/auth/whoami", exchange -> {
            int status = answer.get();
            byte[] body = status == 200 ? "{\"name\":\"ci\",\"scopes\":[\"read\",\"write\"]}".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        results.start();
        try {
            URI whoami = URI.create("http://127.0.0.1:" + results.getAddress().getPort() + "/api/v1/auth/whoami");
            BearerTokenFilter introspecting = new BearerTokenFilter(
                    List.of(new ConfiguredTokens(properties), new IntrospectingTokenStore(whoami, Duration.ofSeconds(30))), null,
                    new JwtScopes("scope"));

            MockHttpServletResponse down = run(introspecting, "cct_valid-but-unchecked", new AtomicReference<>());
            assertThat(down.getStatus()).isEqualTo(503);
            assertThat(down.getHeader("Retry-After")).isEqualTo("5");
            assertThat(down.getContentAsString()).contains("\"code\":\"upstream-unavailable\"", "retry")
                    .doesNotContain("cct_valid-but-unchecked");
            // a configured token does not depend on results-service
            assertThat(run(introspecting, "admin-secret", new AtomicReference<>()).getStatus()).isEqualTo(200);

            answer.set(401);
            assertThat(run(introspecting, "cct_valid-but-unchecked", new AtomicReference<>()).getStatus()).isEqualTo(401);
            answer.set(200);
            assertThat(run(introspecting, "cct_other", new AtomicReference<>()).getStatus()).isEqualTo(200);
        } finally {
            results.stop(0);
        }
        // unreachable altogether (nothing listens there any more)
        BearerTokenFilter unreachable = new BearerTokenFilter(List.of(new IntrospectingTokenStore(
                URI.create("http://127.0.0.1:" + results.getAddress().getPort() + "/api/v1/auth/whoami"), Duration.ofSeconds(30))),
                null, new JwtScopes("scope"));
        assertThat(run(unreachable, "cct_third", new AtomicReference<>()).getStatus()).isEqualTo(503);
    }

    @Test
    void generatedTokensAreLongRandomAndStoredOnlyAsHash() {
        String a = Tokens.generate();
        assertThat(a).startsWith("cct_").hasSize(4 + 43).isNotEqualTo(Tokens.generate());
        assertThat(Tokens.sha256Hex(a)).hasSize(64).doesNotContain(a.substring(4));
    }

    private List<String> authorities(String token) throws Exception {
        AtomicReference<Authentication> seen = new AtomicReference<>();
        MockHttpServletResponse r = run(token, seen);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return seen.get().getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private int status(String token) throws Exception {
        return run(token, new AtomicReference<>()).getStatus();
    }

    private MockHttpServletResponse run(String token, AtomicReference<Authentication> seen) throws Exception {
        return run(filter, token, seen);
    }

    private static MockHttpServletResponse run(BearerTokenFilter filter, String token, AtomicReference<Authentication> seen)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/runs");
        request.addHeader("Authorization", "Bearer " + token);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> seen.set(
                Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication()).orElseThrow()));
        return response;
    }

    private static String jwt(KeyPair key, String subject, Object scope) throws Exception {
        return sign(key, new JWTClaimsSet.Builder().subject(subject).claim("scope", scope)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
    }

    private static String sign(KeyPair key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
