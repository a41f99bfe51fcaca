package io.chaoscast.results.web;

import io.chaoscast.web.problem.ErrorCode;
import org.springframework.http.HttpStatus;

/** The codes only results-service answers with; the common ones are {@code CommonError}. */
public enum ResultsError implements ErrorCode {
    /** Metrics or artifacts sent to a run that is no longer running, or a final run's status changed. */
    RUN_NOT_RUNNING(HttpStatus.CONFLICT, "Run is not running"),
    /** A name that must be unique is taken. */
    ALREADY_EXISTS(HttpStatus.CONFLICT, "Already exists"),
    /** The same Idempotency-Key was sent with a different request. */
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused for a different request");

    private final HttpStatus status;
    private final String title;

    ResultsError(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
