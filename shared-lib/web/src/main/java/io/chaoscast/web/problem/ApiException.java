package io.chaoscast.web.problem;

import org.springframework.http.HttpStatus;

/**
 * A request a service refuses, with what the client needs to fix it: a catalogue {@link ErrorCode},
 * the field at fault (null when none) and a message naming the value and the allowed range.
 * {@link ProblemDetailsAdvice} turns it into a {@code ProblemDetail}.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;
    private final String field;
    private final Long retryAfterSeconds;

    public ApiException(ErrorCode code, String field, String detail) {
        this(code, field, detail, null, null);
    }

    public ApiException(ErrorCode code, String field, String detail, Throwable cause) {
        this(code, field, detail, null, cause);
    }

    private ApiException(ErrorCode code, String field, String detail, Long retryAfterSeconds, Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A bad field; {@code detail} is the whole sentence (it names the field itself). */
    public static ApiException invalid(String field, String detail) {
        return new ApiException(CommonError.INVALID_FIELD, field, detail);
    }

    /** A bad field; the detail is the field's name followed by {@code rule}, e.g. "must be at most 10". */
    public static ApiException invalidValue(String field, String rule) {
        return new ApiException(CommonError.INVALID_FIELD, field, field + " " + rule);
    }

    /** A value beyond a configured limit; {@code detail} names the field, the value and the limit. */
    public static ApiException limit(String field, String detail) {
        return new ApiException(CommonError.LIMIT_EXCEEDED, field, detail);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(CommonError.NOT_FOUND, null, what + " " + id + " does not exist");
    }

    /** Something the request names at {@code field} does not exist; {@code detail} says what. */
    public static ApiException notFoundField(String field, String detail) {
        return new ApiException(CommonError.NOT_FOUND, field, detail);
    }

    public static ApiException upstreamUnavailable(String detail, Throwable cause) {
        return new ApiException(CommonError.UPSTREAM_UNAVAILABLE, null, detail, cause);
    }

    /** The same refusal, telling the client when to retry (429 and 503 default to 5 seconds). */
    public ApiException retryAfter(long seconds) {
        ApiException e = new ApiException(code, field, getMessage(), seconds, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    public ErrorCode code() {
        return code;
    }

    public HttpStatus status() {
        return code.status();
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    /** Seconds the client should wait before retrying, or null for the default of the status. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
