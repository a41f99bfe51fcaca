package io.chaoscast.web.security;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the service (prefix {@code chaoscast.security}, docs/security.md).
 *
 * @param adminToken a token with every scope, known from configuration (env {@code
 *     CHAOSCAST_SECURITY_ADMIN_TOKEN}); the way in on a fresh installation, before any token
 *     exists in the database. Unset: no configured admin token.
 * @param serviceTokens tokens of the platform's own services by service name, each with {@code
 *     read} and {@code write} (env {@code CHAOSCAST_SECURITY_SERVICETOKENS_TRAINING=...}); every
 *     service accepts all of them
 * @param clientToken the token this service sends on its own calls to the other services (env
 *     {@code CHAOSCAST_SECURITY_CLIENT_TOKEN}); unset: calls go without one
 * @param introspectionUri where a service without a database checks tokens it does not know from
 *     configuration (results-service's {@code /api/v1/auth/whoami}); unset: configured tokens and
 *     JWTs only
 * @param introspectionCacheTtl how long an introspection answer is reused; a revoked token stops
 *     working on such a service within this time
 * @param jwtScopeClaim the JWT claim holding the scopes (space-separated string or list; values
 *     {@code read}, {@code write}, {@code admin}, optionally prefixed {@code chaoscast:} or {@code
 *     chaoscast.}); JWTs are accepted only when {@code
 *     spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}) is set
 */
@ConfigurationProperties("chaoscast.security")
public record ApiSecurityProperties(
        String adminToken,
        Map<String, String> serviceTokens,
        String clientToken,
        URI introspectionUri,
        @DefaultValue("30s") Duration introspectionCacheTtl,
        @DefaultValue("scope") String jwtScopeClaim) {

    public ApiSecurityProperties {
        serviceTokens = serviceTokens == null ? Map.of() : Map.copyOf(serviceTokens);
        adminToken = blankToNull(adminToken);
        clientToken = blankToNull(clientToken);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
