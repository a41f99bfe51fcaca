package io.chaoscast.inference.engine;

/** The registry (results-service) could not be reached or answered with a server error. */
public class ModelSourceUnavailableException extends RuntimeException {

    public ModelSourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
