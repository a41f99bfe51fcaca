package io.chaoscast.web.security;

/**
 * A token store could not decide now (the service it asks does not answer): the caller gets a 503
 * to retry, not a 401 that would tell it to throw a valid token away.
 */
public class TokenCheckUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TokenCheckUnavailableException(String message) {
        super(message);
    }
}
