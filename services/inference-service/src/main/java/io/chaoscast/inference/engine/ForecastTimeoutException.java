package io.chaoscast.inference.engine;

/** The forecast did not finish within the request timeout; the server is too busy. */
public class ForecastTimeoutException extends RuntimeException {

    public ForecastTimeoutException(String message) {
        super(message);
    }
}
