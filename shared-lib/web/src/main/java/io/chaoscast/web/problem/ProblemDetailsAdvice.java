package io.chaoscast.web.problem;

import io.chaoscast.web.limits.PayloadTooLargeException;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place where every failure of every service becomes an RFC 7807 {@link ProblemDetail}
 * of the catalogue: a {@code code} ({@link ErrorCode}), the {@code field} at fault when there is
 * one, and a detail naming the value and the allowed range. Bad input is always a 4xx; 429 and 503
 * carry {@code Retry-After}; only the service's own failures are 500. A service's domain exceptions
 * reach the catalogue through its {@link ExceptionTable} beans.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** Spring's database outage exception, named so that this module needs no JDBC dependency. */
    private static final String DATABASE_DOWN = "org.springframework.dao.DataAccessResourceFailureException";

    private final List<ExceptionTable> tables;

    public ProblemDetailsAdvice(List<ExceptionTable> tables) {
        this.tables = List.copyOf(tables);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        if (e.status().is5xxServerError()) {
            log.warn("{}: {}", e.code().wireName(), e.getMessage(), e.getCause());
        }
        return Problems.respond(e);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return Problems.respond(Problems.problem(CommonError.PAYLOAD_TOO_LARGE, "body", e.getMessage()), null);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        var first = e.getConstraintViolations().stream().findFirst();
        String field = first.map(v -> lastNode(v.getPropertyPath().toString())).orElse(null);
        String detail = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + " " + v.getMessage() + ", found " + v.getInvalidValue())
                .sorted()
                .collect(Collectors.joining("; "));
        return Problems.respond(Problems.problem(CommonError.INVALID_FIELD, field, detail), null);
    }

    @ExceptionHandler(ClientGoneException.class)
    void clientGone(ClientGoneException e) {
        // The answer was already under way when the client left: nothing more can be sent.
        log.debug("client left: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        for (ExceptionTable table : tables) {
            var refusal = table.translate(e);
            if (refusal.isPresent()) {
                return api(refusal.get());
            }
        }
        PayloadTooLargeException tooLarge = Problems.findCause(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        SQLException sql = Problems.findCause(e, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("22")) {
            // A data exception (a value PostgreSQL cannot store: a NUL character, a number out of
            // its column's range): the request is at fault, though no check named it before.
            log.warn("value refused by the database: {}", sql.getMessage());
            return Problems.respond(Problems.problem(CommonError.INVALID_FIELD, null,
                    "a value of the request cannot be stored (SQLState " + state + "): " + firstLine(sql.getMessage())), null);
        }
        if (state.startsWith("23")) {
            log.warn("integrity violation: {}", sql.getMessage());
            return Problems.respond(Problems.problem(CommonError.CONFLICT, null,
                    "the request conflicts with what is stored (SQLState " + state + ")"), null);
        }
        if (isA(e, DATABASE_DOWN)) {
            log.error("database unreachable", e);
            return Problems.respond(
                    Problems.problem(CommonError.UPSTREAM_UNAVAILABLE, null, "the database is unreachable; retry later"), null);
        }
        log.error("unexpected failure", e);
        return Problems.respond(Problems.problem(CommonError.INTERNAL, null, "the service failed to handle the request"), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = Problems.findCause(e, PayloadTooLargeException.class);
        JacksonException jackson = Problems.findCause(e, JacksonException.class);
        ProblemDetail p = tooLarge != null
                ? Problems.problem(CommonError.PAYLOAD_TOO_LARGE, "body", tooLarge.getMessage())
                : jackson != null
                        ? Problems.fromJackson(jackson, null)
                        : Problems.problem(CommonError.MALFORMED_BODY, "body", "the request body is missing or not readable JSON");
        return problemEntity(p, headers);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.<String, Object>of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String detail = errors.isEmpty()
                ? e.getBindingResult().getAllErrors().stream().map(o -> String.valueOf(o.getDefaultMessage())).collect(Collectors.joining("; "))
                : errors.stream().map(x -> x.get("field") + " " + x.get("message")).collect(Collectors.joining("; "));
        ProblemDetail p = Problems.problem(
                CommonError.INVALID_FIELD, errors.isEmpty() ? null : (String) errors.get(0).get("field"), detail);
        p.setProperty("errors", errors);
        return problemEntity(p, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = null;
        StringBuilder detail = new StringBuilder();
        for (var result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            for (var error : result.getResolvableErrors()) {
                if (field == null) {
                    field = name;
                }
                if (!detail.isEmpty()) {
                    detail.append("; ");
                }
                detail.append(name).append(' ').append(error.getDefaultMessage())
                        .append(", found ").append(result.getArgument());
            }
        }
        return problemEntity(Problems.problem(CommonError.INVALID_FIELD, field,
                detail.isEmpty() ? "a request value is out of its allowed range" : detail.toString()), headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName();
        String type = Problems.typeName(e.getRequiredType());
        return problemEntity(Problems.problem(
                CommonError.INVALID_FIELD, name, name + " must be a " + type + ", found '" + e.getValue() + "'"), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problemEntity(Problems.problem(CommonError.INVALID_FIELD, e.getParameterName(),
                e.getParameterName() + " is a required query parameter"), headers);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MissingRequestHeaderException m ? m.getHeaderName() : null;
        return problemEntity(Problems.problem(CommonError.INVALID_FIELD, field, e.getMessage()), headers);
    }

    /** Adds the catalogue code to problems Spring MVC builds itself (404, 405, 406, 413, 415...). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse error) {
            body = error.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail p && (p.getProperties() == null || !p.getProperties().containsKey("code"))) {
            ErrorCode code = forStatus(status.value());
            p.setProperty("code", code.wireName());
            p.setType(code.type());
            p.setTitle(code.title());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /** The catalogue code of a bare status (Spring's own refusals, the container's error pages). */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 404 -> CommonError.NOT_FOUND;
            case 405 -> CommonError.METHOD_NOT_ALLOWED;
            case 406 -> CommonError.NOT_ACCEPTABLE;
            case 409 -> CommonError.CONFLICT;
            case 413 -> CommonError.PAYLOAD_TOO_LARGE;
            case 415 -> CommonError.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> CommonError.BUSY;
            case 502, 503, 504 -> CommonError.UPSTREAM_UNAVAILABLE;
            default -> status >= 500 ? CommonError.INTERNAL : CommonError.INVALID_FIELD;
        };
    }

    private static ResponseEntity<Object> problemEntity(ProblemDetail p, HttpHeaders headers) {
        HttpHeaders h = new HttpHeaders();
        h.addAll(headers);
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(p, h, p.getStatus());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static boolean isA(Throwable e, String className) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (c.getName().equals(className)) {
                    return true;
                }
            }
        }
        return false;
    }
}
