package io.chaoscast.web.problem;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/** The codes every service answers with. Services add their own in a small table ({@link ErrorCode#of}). */
public enum CommonError implements ErrorCode {
    /** A field, query parameter or header is missing, malformed or out of its allowed range. */
    INVALID_FIELD(HttpStatus.BAD_REQUEST, "Invalid field"),
    /** The body is missing or not readable JSON. */
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "Malformed request body"),
    /** A value beyond a configured limit of the service (length, trajectories, duration...). */
    LIMIT_EXCEEDED(HttpStatus.BAD_REQUEST, "Limit exceeded"),
    /** No bearer token, or one that is unknown, revoked or expired. */
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Unauthorized"),
    /** The token is valid but lacks the scope the operation needs. */
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    /** The path names nothing that exists. */
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    /** The HTTP method is not supported on this path. */
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    /** No representation the client accepts. */
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    /** A request that conflicts with the current state. */
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    /** A body over a configured limit ({@code chaoscast.web.max-body-size} or a per-endpoint one). */
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    /** The body's content type is not accepted here. */
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    /** The service is at capacity; retry after the {@code Retry-After} seconds. */
    BUSY(HttpStatus.TOO_MANY_REQUESTS, "Too busy"),
    /** A service or the database this one depends on did not answer; retry after {@code Retry-After}. */
    UPSTREAM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Upstream unavailable"),
    /** The service failed; the request itself may be fine and may be retried. */
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    CommonError(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
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
