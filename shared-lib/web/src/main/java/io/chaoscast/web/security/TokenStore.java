package io.chaoscast.web.security;

import java.util.Optional;

/** Finds who a bearer token belongs to; empty when the token is unknown or revoked. */
public interface TokenStore {

    /** @throws TokenCheckUnavailableException when the store cannot tell now (answered 503) */
    Optional<ApiPrincipal> authenticate(String token);
}
