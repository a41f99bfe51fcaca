package io.chaoscast.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Which scope a request needs. One rule for every service, so that nothing depends on a list of
 * endpoints kept by hand: token management needs {@code admin}; a safe method ({@code GET},
 * {@code HEAD}) needs {@code read}; every other method needs {@code write} (including the POSTs
 * that only compute, such as forecasts and Lyapunov estimates: they cost the service real work).
 */
public final class RequestRules {

    /** Token management, on every service that has a database. */
    public static final String TOKENS_PATH = "/api/v1/auth/tokens";

    /** Who-am-I, also the introspection endpoint for services without a database. */
    public static final String WHOAMI_PATH = "/api/v1/auth/whoami";

    /** Open without a token: the dashboard's static files, probes, and the API description. */
    static final String[] OPEN_GET = {
        "/", "/index.html", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"
    };

    private static final Set<String> SAFE = Set.of("GET", "HEAD");

    private RequestRules() {}

    public static Scope requiredScope(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(TOKENS_PATH) || path.startsWith(TOKENS_PATH + "/")) {
            return Scope.ADMIN;
        }
        return SAFE.contains(request.getMethod()) ? Scope.READ : Scope.WRITE;
    }
}
