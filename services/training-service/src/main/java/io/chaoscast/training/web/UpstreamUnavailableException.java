package io.chaoscast.training.web;

/** A service this one depends on did not answer; becomes a 503 with Retry-After. */
public class UpstreamUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UpstreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
