package io.chaoscast.results.web;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * Every kind of refusal the service answers, with its status. The lower-case name is the
 * problem's {@code code} and the end of its {@code type} URI.
 */
public enum ErrorCode {
    /** A field is missing, malformed or out of its allowed range. */
    INVALID_FIELD(HttpStatus.BAD_REQUEST, "Invalid request field"),
    /** The body is not readable JSON of the expected shape. */
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "Malformed request body"),
    /** The run, experiment, artifact or model named in the path does not exist. */
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    /** Metrics or artifacts sent to a run that is no longer running, or a final run's status changed. */
    RUN_NOT_RUNNING(HttpStatus.CONFLICT, "Run is not running"),
    /** A name that must be unique is taken. */
    ALREADY_EXISTS(HttpStatus.CONFLICT, "Already exists"),
    /** The same Idempotency-Key was sent with a different request. */
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused for a different request"),
    /** A body over a configured limit (metric batch, artifact). */
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    /** The HTTP method is not supported on this path. */
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    /** The body's content type is not accepted here. */
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    /** A service the dashboard gateway forwards to did not answer (down, unreachable or too slow). */
    UPSTREAM_UNAVAILABLE(HttpStatus.BAD_GATEWAY, "Upstream service unavailable"),
    /** The service failed; the request itself may be fine and may be retried. */
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
