package io.chaoscast.web.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a token may do. Scopes are ordered: {@code admin} includes {@code write}, which includes
 * {@code read}, so a caller never needs to list all three.
 */
public enum Scope {
    /** Every {@code GET} of the APIs. */
    READ,
    /** Every request that changes state or costs compute ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}). */
    WRITE,
    /** Token management ({@code /api/v1/auth/tokens}). */
    ADMIN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority checked by the request rules, e.g. {@code SCOPE_write}. */
    public String authority() {
        return "SCOPE_" + wire();
    }

    /** This scope and every scope it includes. */
    public Set<Scope> withIncluded() {
        return switch (this) {
            case READ -> EnumSet.of(READ);
            case WRITE -> EnumSet.of(READ, WRITE);
            case ADMIN -> EnumSet.allOf(Scope.class);
        };
    }

    /** The scope named {@code wire} (case-insensitive), or null when there is none. */
    public static Scope parse(String wire) {
        if (wire == null) {
            return null;
        }
        for (Scope s : values()) {
            if (s.wire().equalsIgnoreCase(wire.trim())) {
                return s;
            }
        }
        return null;
    }

    /** The closure of {@code scopes} under inclusion. */
    public static Set<Scope> expand(Iterable<Scope> scopes) {
        Set<Scope> out = EnumSet.noneOf(Scope.class);
        for (Scope s : scopes) {
            out.addAll(s.withIncluded());
        }
        return out;
    }
}
