package io.chaoscast.results.web;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with what the client needs to fix it: the status, a stable
 * {@link ErrorCode}, the field at fault (when there is one) and a message naming the value and
 * the allowed range. Turned into a {@code ProblemDetail} by {@link ProblemDetailsAdvice}.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public ApiException(ErrorCode code, String field, String detail) {
        super(detail);
        this.code = code;
        this.field = field;
    }

    public static ApiException invalid(String field, String detail) {
        return new ApiException(ErrorCode.INVALID_FIELD, field, field + " " + detail);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, null, what + " " + id + " does not exist");
    }

    public HttpStatus status() {
        return code.status();
    }

    public ErrorCode code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
