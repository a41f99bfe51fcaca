package io.chaoscast.inference.engine;

/** The model left the cache, or the server is stopping, while the request waited. Safe to retry. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message) {
        super(message);
    }
}
