package io.chaoscast.training.web;

import io.chaoscast.contracts.JsonFieldPath;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/** Turns every error of this service into an RFC 7807 ProblemDetail that names the field. */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** Codes shared with the other services' error catalogues. */
    private static final Map<String, String> CODES = Map.of(
            "Invalid field", "invalid-field",
            "Malformed request", "malformed-body",
            "Not found", "not-found",
            "Dependency unavailable", "upstream-unavailable");

    /**
     * A problem with the platform's shape: a stable {@code code} (also the end of the {@code type}
     * URN, as in the other services) and, for bad input, the {@code field}.
     */
    private static ProblemDetail problem(HttpStatus status, String title, String detail, String field) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        String code = CODES.getOrDefault(title, title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        p.setTitle(title);
        p.setType(URI.create("urn:chaoscast:problem:" + code));
        p.setProperty("code", code);
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid field", e.getMessage(), e.field());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), e.field());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid field", e.getName() + " has an invalid value: " + e.getValue(), e.getName());
    }

    @ExceptionHandler(UpstreamUnavailableException.class)
    ResponseEntity<ProblemDetail> upstream(UpstreamUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Dependency unavailable", e.getMessage(), null));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.<String, Object>of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; "));
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid field", detail, errors.isEmpty() ? null : (String) errors.get(0).get("field"));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = null;
        String detail = "malformed JSON: " + ex.getMostSpecificCause().getMessage();
        if (ex.getMostSpecificCause() instanceof DatabindException de && !de.getPath().isEmpty()) {
            field = JsonFieldPath.of(de.getPath());
            detail = field + " could not be read: " + de.getOriginalMessage();
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request", detail, field));
    }
}
