package io.chaoscast.inference.web;

import io.chaoscast.web.problem.ErrorCode;
import org.springframework.http.HttpStatus;

/** The codes only inference-service answers with; the common ones are {@code CommonError}. */
public final class InferenceError {

    public static final ErrorCode UNKNOWN_MODEL = ErrorCode.of("unknown-model", HttpStatus.NOT_FOUND, "Unknown model");
    public static final ErrorCode UNREADABLE_MODEL = ErrorCode.of("unreadable-model", HttpStatus.UNPROCESSABLE_CONTENT, "Model cannot be read");
    public static final ErrorCode UNSUPPORTED_EXIT = ErrorCode.of("unsupported-exit", HttpStatus.UNPROCESSABLE_CONTENT, "Exit policy not supported by this model");
    public static final ErrorCode ARTIFACT_INTEGRITY = ErrorCode.of("artifact-integrity", HttpStatus.BAD_GATEWAY, "Model artifact failed its SHA-256 check");

    private InferenceError() {}
}
