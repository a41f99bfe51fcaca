package io.chaoscast.results.web;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import io.chaoscast.contracts.JsonFieldPath;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * The one place where every failure becomes an RFC 7807 {@link ProblemDetail}: a {@code code}
 * from {@link ErrorCode}, the {@code field} at fault when there is one, and a detail naming the
 * value and the allowed range. Bad input is always a 4xx; only the service's own failures are 5xx.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return respond(problem(e.code(), e.field(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return respond(problem(
                ErrorCode.INVALID_FIELD, e.getName(), e.getName() + " must be a " + type + ", found '" + e.getValue() + "'"));
    }

    @ExceptionHandler(ClientGoneException.class)
    void clientGone(ClientGoneException e) {
        // The answer was already under way when the client left: nothing more can be sent.
        log.debug("client left: {}", e.getMessage());
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<ProblemDetail> databaseDown(DataAccessResourceFailureException e) {
        log.error("database unreachable", e);
        ProblemDetail p = problem(ErrorCode.INTERNAL, null, "the database is unreachable; retry later");
        p.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        return respond(p);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return respond(problem(ErrorCode.INTERNAL, null, "the service failed to handle the request"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException jackson = findCause(e, JacksonException.class);
        ProblemDetail p = jackson == null
                ? problem(ErrorCode.MALFORMED_BODY, "body", "the request body is missing or not readable JSON")
                : fromJackson(jackson, null);
        return new ResponseEntity<>(p, headers, p.getStatus());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail p = problem(
                ErrorCode.INVALID_FIELD, e.getParameterName(), e.getParameterName() + " is a required query parameter");
        return new ResponseEntity<>(p, headers, p.getStatus());
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MissingRequestHeaderException m ? m.getHeaderName() : null;
        ProblemDetail p = problem(ErrorCode.INVALID_FIELD, field, e.getMessage());
        return new ResponseEntity<>(p, headers, p.getStatus());
    }

    /** Adds the code to problems Spring MVC builds itself (405, 406, 415, 404 of unknown paths…). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse error) {
            body = error.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail p && (p.getProperties() == null || !p.getProperties().containsKey("code"))) {
            ErrorCode code = switch (status.value()) {
                case 404 -> ErrorCode.NOT_FOUND;
                case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
                case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
                case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
                default -> status.is5xxServerError() ? ErrorCode.INTERNAL : ErrorCode.INVALID_FIELD;
            };
            p.setProperty("code", code.wireName());
            p.setType(typeOf(code));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /**
     * A problem for a JSON body Jackson could not bind, naming the field by its path (e.g. {@code
     * params.lr}, {@code metrics[17].value}).
     *
     * @param root the name of the body when it is a bare array (e.g. {@code metrics}), or null
     */
    public static ProblemDetail fromJackson(JacksonException e, String root) {
        String field = path(e.getPath(), root);
        String what = field == null ? "the request body" : field;
        if (e instanceof UnrecognizedPropertyException u) {
            return problem(ErrorCode.INVALID_FIELD, field, what + " is not a known field; allowed: " + u.getKnownPropertyIds());
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return problem(ErrorCode.INVALID_FIELD, field, what + " " + e.getCause().getMessage());
        }
        if (e instanceof InvalidFormatException f) {
            return problem(ErrorCode.INVALID_FIELD, field,
                    what + " must be a " + typeName(f.getTargetType()) + ", found '" + f.getValue() + "'");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return problem(ErrorCode.INVALID_FIELD, field, what + " must be a " + typeName(m.getTargetType())
                    + (m.getCurrentToken() == null ? "" : ", found " + m.getCurrentToken().asString()));
        }
        return problem(ErrorCode.MALFORMED_BODY, field == null ? "body" : field,
                what + " is not valid JSON: " + e.getOriginalMessage());
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "double", "Double", "float", "Float" -> "number";
            case "long", "Long", "int", "Integer" -> "whole number";
            case "Instant" -> "ISO-8601 instant (e.g. 2026-01-31T12:00:00Z)";
            case "UUID" -> "UUID";
            case "Map", "LinkedHashMap", "HashMap" -> "JSON object";
            default -> type.getSimpleName();
        };
    }

    static String path(List<JacksonException.Reference> refs, String root) {
        return JsonFieldPath.of(root, refs);
    }

    public static ProblemDetail problem(ErrorCode code, String field, String detail) {
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

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
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
