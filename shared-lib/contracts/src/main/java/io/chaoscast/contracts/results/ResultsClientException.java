package io.chaoscast.contracts.results;

/** A call to results-service did not succeed: it could not be made, or it was refused. */
public class ResultsClientException extends RuntimeException {

    public ResultsClientException(String message, Throwable cause) {
        super(message, cause);
    }

    public ResultsClientException(String message) {
        super(message);
    }
}
