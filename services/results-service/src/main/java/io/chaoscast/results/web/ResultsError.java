package io.chaoscast.results.web;

import io.chaoscast.web.problem.ErrorCode;
import org.springframework.http.HttpStatus;

/** The codes only results-service answers with; the common ones are {@code CommonError}. */
public final class ResultsError {

    /** Metrics or artifacts sent to a run that is no longer running, or a final run's status changed. */
    public static final ErrorCode RUN_NOT_RUNNING = ErrorCode.of("run-not-running", HttpStatus.CONFLICT, "Run is not running");
    /** A name that must be unique is taken. */
    public static final ErrorCode ALREADY_EXISTS = ErrorCode.of("already-exists", HttpStatus.CONFLICT, "Already exists");
    /** The same Idempotency-Key was sent with a different request. */
    public static final ErrorCode IDEMPOTENCY_KEY_REUSED = ErrorCode.of("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused for a different request");

    private ResultsError() {}
}
