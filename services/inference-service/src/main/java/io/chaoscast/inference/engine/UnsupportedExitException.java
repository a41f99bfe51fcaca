package io.chaoscast.inference.engine;

/**
 * A well-formed exit request the model cannot honour, such as a tolerance for a model that was
 * never calibrated.
 */
public class UnsupportedExitException extends InvalidForecastException {

    public UnsupportedExitException(String field, String message) {
        super(field, message);
    }
}
