package io.chaoscast.dataset.web;

/**
 * An error meant for the client: a code, the field it concerns (null when none) and a message that
 * names the value and the allowed range.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    public ApiException(ErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.INVALID_FIELD, field, message);
    }

    public static ApiException limit(String field, String message) {
        return new ApiException(ErrorCode.LIMIT_EXCEEDED, field, message);
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
