package io.chaoscast.inference.engine;

/**
 * A forecast request that cannot be served as asked: the message names the field, the value and
 * the allowed range.
 */
public class InvalidForecastException extends RuntimeException {

    private final String field;

    public InvalidForecastException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
