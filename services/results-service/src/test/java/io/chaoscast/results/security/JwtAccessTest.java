package io.chaoscast.results.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.chaoscast.testsupport.AccessCheck;
import io.chaoscast.testsupport.PostgresIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an identity provider configured (here: its public key, made in this test, as {@code
 * spring.security.oauth2.resourceserver.jwt.public-key-location}), Spring's resource server checks
 * bearer JWTs, and their scopes grant what API tokens' scopes grant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@PostgresIntegrationTest
class JwtAccessTest {

    private static final KeyPair PROVIDER = rsa();
    private static final KeyPair STRANGER = rsa();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("idp", ".pub");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PROVIDER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Test
    void jwtScopesGrantWhatTokenScopesGrant() throws Exception {
        String reader = jwt(PROVIDER, "alice", "openid chaoscast:read");
        String writer = jwt(PROVIDER, "bob", "chaoscast:write");
        assertThat(call("GET", "/api/v1/runs", null, reader).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/experiments", "{\"name\":\"jwt-" + UUID.randomUUID() + "\"}", reader).statusCode())
                .isEqualTo(403);
        HttpResponse<String> created =
                call("POST", "/api/v1/experiments", "{\"name\":\"jwt-" + UUID.randomUUID() + "\"}", writer);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(call("GET", "/api/v1/auth/whoami", null, writer).body()).contains("\"bob\"", "\"jwt\"", "\"write\"");
        assertThat(call("GET", "/api/v1/auth/tokens", null, writer).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/auth/tokens", null, jwt(PROVIDER, "root", "chaoscast:admin")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void jwtOfAnotherIssuerOrWithoutOurScopesGrantsNothing() throws Exception {
        assertThat(call("GET", "/api/v1/runs", null, jwt(STRANGER, "mallory", "chaoscast:admin")).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/runs", null, jwt(PROVIDER, "carol", "openid profile")).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> call(String method, String path, String body, String token) {
        return AccessCheck.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    private static String jwt(KeyPair key, String subject, String scope) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("scope", scope)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
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
