package io.chaoscast.web.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The tokens named in configuration: the admin token and the services' own tokens. Compared by
 * SHA-256 in constant time, every entry checked, so timing tells nothing about which one matched.
 */
public final class ConfiguredTokens implements TokenStore {

    private record Entry(byte[] hash, ApiPrincipal principal) {}

    private final List<Entry> entries = new ArrayList<>();

    public ConfiguredTokens(ApiSecurityProperties properties) {
        if (properties.adminToken() != null) {
            entries.add(new Entry(
                    Tokens.sha256(properties.adminToken()),
                    new ApiPrincipal("admin (configured)", EnumSet.of(Scope.ADMIN), "configured")));
        }
        properties.serviceTokens().forEach((service, token) -> {
            if (token != null && !token.isBlank()) {
                entries.add(new Entry(
                        Tokens.sha256(token.trim()),
                        new ApiPrincipal("service:" + service, EnumSet.of(Scope.WRITE), "configured")));
            }
        });
    }

    @Override
    public Optional<ApiPrincipal> authenticate(String token) {
        byte[] hash = Tokens.sha256(token);
        ApiPrincipal found = null;
        for (Entry e : entries) {
            if (Tokens.sameHash(e.hash(), hash) && found == null) {
                found = e.principal();
            }
        }
        return Optional.ofNullable(found);
    }
}
