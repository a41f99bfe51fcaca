package io.chaoscast.inference.web;

import io.chaoscast.inference.engine.ArtifactIntegrityException;
import io.chaoscast.inference.engine.ForecastTimeoutException;
import io.chaoscast.inference.engine.InvalidForecastException;
import io.chaoscast.inference.engine.ModelSourceUnavailableException;
import io.chaoscast.inference.engine.ModelUnavailableException;
import io.chaoscast.inference.engine.OverloadedException;
import io.chaoscast.inference.engine.UnknownModelException;
import io.chaoscast.inference.engine.UnreadableModelException;
import io.chaoscast.inference.engine.UnsupportedExitException;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.web.problem.CommonError;
import io.chaoscast.web.problem.ExceptionTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The serving engine's exceptions in the shared error catalogue: bad input is 400/404/422, a full
 * queue or a forecast not done in time is {@code 429 busy}, an unreachable model registry is {@code
 * 503 upstream-unavailable}, both with {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
class InferenceExceptions {

    @Bean
    ExceptionTable inferenceExceptionTable() {
        return new ExceptionTable()
                .map(UnsupportedExitException.class, e -> new ApiException(InferenceError.UNSUPPORTED_EXIT, e.field(), e.getMessage()))
                .map(InvalidForecastException.class, e -> ApiException.invalid(e.field(), e.getMessage()))
                .map(UnknownModelException.class, e -> new ApiException(InferenceError.UNKNOWN_MODEL, "modelId", e.getMessage()))
                .map(UnreadableModelException.class, e -> new ApiException(InferenceError.UNREADABLE_MODEL, "modelId", e.getMessage()))
                .map(ArtifactIntegrityException.class, e -> new ApiException(InferenceError.ARTIFACT_INTEGRITY, "modelId", e.getMessage()))
                .map(OverloadedException.class, e -> new ApiException(CommonError.BUSY, null, e.getMessage()).retryAfter(e.retryAfterSeconds()))
                .map(ForecastTimeoutException.class, e -> new ApiException(CommonError.BUSY, null, e.getMessage()).retryAfter(1))
                .map(ModelUnavailableException.class, e -> new ApiException(CommonError.BUSY, null, e.getMessage()).retryAfter(1))
                .map(ModelSourceUnavailableException.class, e -> ApiException.upstreamUnavailable(e.getMessage(), e));
    }
}
