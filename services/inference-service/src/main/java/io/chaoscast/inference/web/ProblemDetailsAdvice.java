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
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import io.chaoscast.contracts.JsonFieldPath;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 7807 {@link ProblemDetail} with a {@code code} and, for bad
 * input, the {@code field} at fault. Bad input is always 4xx; overload is 429 or 503 with {@code
 * Retry-After}; only the service's own failures are 500.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(UnsupportedExitException.class)
    ResponseEntity<ProblemDetail> unsupportedExit(UnsupportedExitException e) {
        return respond(problem(ErrorCode.UNSUPPORTED_EXIT, e.field(), e.getMessage()), null);
    }

    @ExceptionHandler(InvalidForecastException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidForecastException e) {
        return respond(problem(ErrorCode.INVALID_FIELD, e.field(), e.getMessage()), null);
    }

    @ExceptionHandler(UnknownModelException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownModelException e) {
        return respond(problem(ErrorCode.UNKNOWN_MODEL, "modelId", e.getMessage()), null);
    }

    @ExceptionHandler(UnreadableModelException.class)
    ResponseEntity<ProblemDetail> unreadable(UnreadableModelException e) {
        log.warn("unreadable model: {}", e.getMessage());
        return respond(problem(ErrorCode.UNREADABLE_MODEL, "modelId", e.getMessage()), null);
    }

    @ExceptionHandler(ArtifactIntegrityException.class)
    ResponseEntity<ProblemDetail> integrity(ArtifactIntegrityException e) {
        log.error("artifact integrity check failed: {}", e.getMessage());
        return respond(problem(ErrorCode.ARTIFACT_INTEGRITY, "modelId", e.getMessage()), null);
    }

    @ExceptionHandler(OverloadedException.class)
    ResponseEntity<ProblemDetail> overloaded(OverloadedException e) {
        return respond(problem(ErrorCode.OVERLOADED, null, e.getMessage()), e.retryAfterSeconds());
    }

    @ExceptionHandler({ForecastTimeoutException.class, ModelUnavailableException.class})
    ResponseEntity<ProblemDetail> busy(RuntimeException e) {
        return respond(problem(ErrorCode.BUSY, null, e.getMessage()), 1L);
    }

    @ExceptionHandler(ModelSourceUnavailableException.class)
    ResponseEntity<ProblemDetail> registryDown(ModelSourceUnavailableException e) {
        log.warn("model registry unavailable: {}", e.getMessage());
        return respond(problem(ErrorCode.REGISTRY_UNAVAILABLE, null, e.getMessage()), 5L);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return respond(problem(ErrorCode.INTERNAL, null, "the service failed to handle the request"), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException jackson = findCause(e, JacksonException.class);
        ProblemDetail p = jackson == null
                ? problem(ErrorCode.MALFORMED_BODY, "body", "the request body is missing or not readable JSON")
                : fromJackson(jackson);
        HttpHeaders h = new HttpHeaders();
        h.addAll(headers);
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(p, h, p.getStatus());
    }

    /** Adds the code to problems Spring MVC builds itself (405, 415, 404 of unknown paths…). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail p && (p.getProperties() == null || !p.getProperties().containsKey("code"))) {
            ErrorCode code = switch (status.value()) {
                case 404 -> ErrorCode.NOT_FOUND;
                case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
                case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
                default -> status.is5xxServerError() ? ErrorCode.INTERNAL : ErrorCode.INVALID_FIELD;
            };
            p.setProperty("code", code.wireName());
            p.setType(typeOf(code));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /** Names the field by its JSON path, e.g. {@code context[3][1]} or {@code exit.threshold}. */
    static ProblemDetail fromJackson(JacksonException e) {
        String field = path(e.getPath());
        String what = field == null ? "the request body" : field;
        if (e instanceof UnrecognizedPropertyException u) {
            return problem(
                    ErrorCode.INVALID_FIELD, field, what + " is not a known field; allowed: " + u.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException f) {
            return problem(
                    ErrorCode.INVALID_FIELD,
                    field,
                    what + " must be a " + typeName(f.getTargetType()) + ", found '" + f.getValue() + "'");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return problem(
                    ErrorCode.INVALID_FIELD,
                    field,
                    what + " must be a " + typeName(m.getTargetType())
                            + (m.getCurrentToken() == null ? "" : ", found " + m.getCurrentToken().asString()));
        }
        return problem(
                ErrorCode.MALFORMED_BODY,
                field == null ? "body" : field,
                what + " is not valid JSON: " + e.getOriginalMessage());
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "double", "Double" -> "finite number";
            case "int", "Integer" -> "whole number";
            case "double[]" -> "array of numbers (one state)";
            case "double[][]" -> "array of states";
            case "double[][][]" -> "array of contexts";
            default -> type.getSimpleName();
        };
    }

    static String path(List<JacksonException.Reference> refs) {
        return JsonFieldPath.of(refs);
    }

    static ProblemDetail problem(ErrorCode code, String field, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(code.status(), detail);
        p.setTitle(code.title());
        p.setType(typeOf(code));
        p.setProperty("code", code.wireName());
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
    }

    private static URI typeOf(ErrorCode code) {
        return URI.create("urn:chaoscast:problem:" + code.wireName());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p, Long retryAfterSeconds) {
        ResponseEntity.BodyBuilder b =
                ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfterSeconds != null) {
            b.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        return b.body(p);
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
