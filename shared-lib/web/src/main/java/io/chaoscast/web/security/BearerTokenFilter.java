package io.chaoscast.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>}. A JWT (three dot-separated parts) goes to the
 * resource server's {@link JwtDecoder} when an issuer is configured; anything else is an API token
 * looked up in the stores, in order. A request without the header stays anonymous (the request
 * rules then answer 401 where a scope is needed); a header that names no valid token is answered
 * 401 at once, so that a mistyped token is not silently treated as no token. A token that cannot
 * be checked now (its store's service does not answer) is answered 503 with {@code Retry-After}.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final List<TokenStore> stores;
    private final JwtDecoder jwtDecoder; // null when no issuer is configured
    private final JwtScopes jwtScopes;

    BearerTokenFilter(List<TokenStore> stores, JwtDecoder jwtDecoder, JwtScopes jwtScopes) {
        this.stores = stores;
        this.jwtDecoder = jwtDecoder;
        this.jwtScopes = jwtScopes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            SecurityProblems.unauthorized(request, response, "only 'Authorization: Bearer <token>' is accepted");
            return;
        }
        String token = header.substring(BEARER.length()).trim();
        Optional<ApiPrincipal> principal;
        try {
            principal = authenticate(token);
        } catch (TokenCheckUnavailableException e) {
            SecurityProblems.unavailable(request, response, e.getMessage());
            return;
        }
        if (principal.isEmpty()) {
            SecurityProblems.unauthorized(request, response, "the bearer token is unknown, revoked or expired");
            return;
        }
        ApiPrincipal p = principal.get();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.authorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<ApiPrincipal> authenticate(String token) {
        if (token.isEmpty() || token.length() > 8192) {
            return Optional.empty();
        }
        if (jwtDecoder != null && token.chars().filter(c -> c == '.').count() == 2) {
            try {
                return Optional.of(jwtScopes.principal(jwtDecoder.decode(token)));
            } catch (JwtException e) {
                return Optional.empty();
            }
        }
        // A store that cannot tell now does not make the token invalid: another store may know it;
        // if none does, the caller is told to retry.
        TokenCheckUnavailableException undecided = null;
        for (TokenStore store : stores) {
            try {
                Optional<ApiPrincipal> p = store.authenticate(token);
                if (p.isPresent()) {
                    return p;
                }
            } catch (TokenCheckUnavailableException e) {
                undecided = e;
            }
        }
        if (undecided != null) {
            throw undecided;
        }
        return Optional.empty();
    }
}
