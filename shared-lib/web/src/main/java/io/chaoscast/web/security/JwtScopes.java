package io.chaoscast.web.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps a JWT from the identity provider to the platform's scopes: the configured claim (default
 * {@code scope}, also {@code scp}) as a space-separated string or a list; values {@code read},
 * {@code write}, {@code admin}, bare or prefixed {@code chaoscast:} / {@code chaoscast.}; other
 * values are ignored, so a token of another audience's scopes grants nothing here.
 */
final class JwtScopes {

    private final String claim;

    JwtScopes(String claim) {
        this.claim = claim;
    }

    ApiPrincipal principal(Jwt jwt) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : List.of(claim, "scp")) {
            for (String value : values(jwt.getClaim(name))) {
                String v = value.replaceFirst("^chaoscast[:.]", "");
                Scope s = Scope.parse(v);
                if (s != null) {
                    scopes.add(s);
                }
            }
        }
        String who = jwt.getSubject() == null ? "jwt" : jwt.getSubject();
        return new ApiPrincipal(who, scopes, "jwt");
    }

    private static List<String> values(Object claimValue) {
        List<String> out = new ArrayList<>();
        if (claimValue instanceof String s) {
            for (String part : s.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        } else if (claimValue instanceof Collection<?> c) {
            c.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }
}
