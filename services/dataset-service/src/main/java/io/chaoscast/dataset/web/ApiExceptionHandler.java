package io.chaoscast.dataset.web;

import io.chaoscast.dynamics.systems.UnknownParameterException;
import java.net.URI;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import io.chaoscast.contracts.JsonFieldPath;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error into an RFC 7807 problem with a {@code code} (see {@link ErrorCode}) and, where
 * one field is at fault, a {@code field} property naming it.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    public static ProblemDetail problem(ErrorCode code, String field, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(code.status(), detail);
        p.setTitle(code.title());
        p.setType(URI.create("https://chaoscast.io/problems/" + code.wireName()));
        p.setProperty("code", code.wireName());
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ResponseEntity.BodyBuilder b = ResponseEntity.status(e.code().status());
        if (e.code() == ErrorCode.BUSY) {
            b.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return b.body(problem(e.code(), e.field(), e.getMessage()));
    }

    @ExceptionHandler(UnknownParameterException.class)
    ResponseEntity<ProblemDetail> unknownParameter(UnknownParameterException e) {
        return ResponseEntity.badRequest()
                .body(problem(ErrorCode.UNKNOWN_PARAMETER, "parameters." + e.parameter(), e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(ErrorCode.INTERNAL, null, "unexpected error: " + e.getClass().getSimpleName()));
    }

    /** Malformed JSON, a wrong type or an unknown property: name the JSON path at fault. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        String field = null;
        String detail;
        if (cause instanceof JacksonException je) {
            field = pathOf(je);
            if (je instanceof UnrecognizedPropertyException up) {
                detail = "unknown field '" + field + "'; allowed: "
                        + up.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            } else {
                detail = (field == null ? "malformed JSON" : "field '" + field + "' could not be read")
                        + ": " + je.getOriginalMessage();
            }
        } else {
            detail = "the request body is missing or not readable JSON";
        }
        return ResponseEntity.badRequest().body(problem(ErrorCode.MALFORMED_REQUEST, field, detail));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName();
        String type = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        return ResponseEntity.badRequest()
                .body(problem(ErrorCode.INVALID_FIELD, name, name + " must be a " + type + ", found '" + ex.getValue() + "'"));
    }

    private static String pathOf(JacksonException e) {
        return JsonFieldPath.of(e.getPath());
    }
}
