package io.chaoscast.inference.web;

import io.chaoscast.web.problem.ErrorCode;
import org.springframework.http.HttpStatus;

/** The codes only inference-service answers with; the common ones are {@code CommonError}. */
public enum InferenceError implements ErrorCode {
    UNKNOWN_MODEL(HttpStatus.NOT_FOUND, "Unknown model"),
    UNREADABLE_MODEL(HttpStatus.UNPROCESSABLE_CONTENT, "Model cannot be read"),
    UNSUPPORTED_EXIT(HttpStatus.UNPROCESSABLE_CONTENT, "Exit policy not supported by this model"),
    ARTIFACT_INTEGRITY(HttpStatus.BAD_GATEWAY, "Model artifact failed its SHA-256 check");

    private final HttpStatus status;
    private final String title;

    InferenceError(HttpStatus status, String title) {
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
