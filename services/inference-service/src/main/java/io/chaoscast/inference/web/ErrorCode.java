package io.chaoscast.inference.web;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/** Every error the inference service answers with, mapped once to a status and a title. */
public enum ErrorCode {
    INVALID_FIELD(HttpStatus.BAD_REQUEST, "Invalid field"),
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "Malformed request body"),
    UNKNOWN_MODEL(HttpStatus.NOT_FOUND, "Unknown model"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    UNREADABLE_MODEL(HttpStatus.UNPROCESSABLE_CONTENT, "Model cannot be read"),
    UNSUPPORTED_EXIT(HttpStatus.UNPROCESSABLE_CONTENT, "Exit policy not supported by this model"),
    OVERLOADED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    ARTIFACT_INTEGRITY(HttpStatus.BAD_GATEWAY, "Model artifact failed its SHA-256 check"),
    REGISTRY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Model registry unavailable"),
    BUSY(HttpStatus.SERVICE_UNAVAILABLE, "Service busy"),
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
