package io.chaoscast.web.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is calling: the token's (or JWT subject's) name, its scopes (already expanded, see {@link
 * Scope#withIncluded()}), and where it was found: {@code configured}, {@code database}, {@code
 * introspection} or {@code jwt}.
 */
public record ApiPrincipal(String name, Set<Scope> scopes, String source) {

    public ApiPrincipal {
        scopes = scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(Scope.expand(scopes));
    }

    public Collection<GrantedAuthority> authorities() {
        return scopes.stream().map(s -> (GrantedAuthority) new SimpleGrantedAuthority(s.authority())).toList();
    }

    public List<String> scopeNames() {
        return scopes.stream().map(Scope::wire).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
