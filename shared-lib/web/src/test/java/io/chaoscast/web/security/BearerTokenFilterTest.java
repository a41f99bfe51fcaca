package io.chaoscast.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
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
