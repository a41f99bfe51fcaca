package io.chaoscast.web.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Builds the platform's problems: a catalogue code, a type URI of one scheme, and the field at fault. */
public final class Problems {

    /** Seconds a 429 or 503 asks the client to wait when the refusal names none. */
    public static final long DEFAULT_RETRY_AFTER_SECONDS = 5;

    private Problems() {}

    public static ProblemDetail problem(ErrorCode code, String field, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(code.status(), detail);
        p.setTitle(code.title());
        p.setType(code.type());
        p.setProperty("code", code.wireName());
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
    }

    /**
     * A problem's {@code instance} for a request path as the client sent it; a path that is no
     * valid URI reference (refused for that very reason) is given with its characters quoted, and
     * null (no instance) when even that fails.
     */
    public static URI instance(String rawPath) {
        try {
            return URI.create(rawPath);
        } catch (IllegalArgumentException e) {
            try {
                return new URI(null, null, rawPath, null); // quotes every character a path may not hold
            } catch (URISyntaxException unquotable) {
                return null;
            }
        }
    }

    /** The answer to an {@link ApiException}: its problem, with {@code Retry-After} on 429 and 503. */
    public static ResponseEntity<ProblemDetail> respond(ApiException e) {
        return respond(problem(e.code(), e.field(), e.getMessage()), e.retryAfterSeconds());
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail p, Long retryAfterSeconds) {
        ResponseEntity.BodyBuilder b = ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Long retry = retryAfterSeconds != null ? retryAfterSeconds : defaultRetryAfter(p.getStatus());
        if (retry != null) {
            b.header(HttpHeaders.RETRY_AFTER, Long.toString(retry));
        }
        return b.body(p);
    }

    static Long defaultRetryAfter(int status) {
        return status == HttpStatus.TOO_MANY_REQUESTS.value() || status == HttpStatus.SERVICE_UNAVAILABLE.value()
                ? DEFAULT_RETRY_AFTER_SECONDS
                : null;
    }

    /**
     * A problem for a JSON body Jackson could not bind, naming the field by its path (e.g. {@code
     * params.lr}, {@code metrics[17].value}): unreadable JSON is {@code malformed-body}; a value of
     * the wrong type or an unknown field is {@code invalid-field}.
     *
     * @param root the name of the body when it is a bare array (e.g. {@code metrics}), or null
     */
    public static ProblemDetail fromJackson(JacksonException e, String root) {
        String path = JsonFieldPath.of(root, e.getPath());
        String what = path == null ? "the request body" : path;
        // A wrong value with no path is the body itself (an array or a string where an object is expected).
        String field = path == null ? "body" : path;
        if (e instanceof UnrecognizedPropertyException u) {
            return problem(CommonError.INVALID_FIELD, field, what + " is not a known field; allowed: "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList());
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return problem(CommonError.INVALID_FIELD, field, what + " " + e.getCause().getMessage());
        }
        if (e instanceof InvalidFormatException f) {
            return problem(CommonError.INVALID_FIELD, field,
                    what + " must be a " + typeName(f.getTargetType()) + ", found '" + f.getValue() + "'");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return problem(CommonError.INVALID_FIELD, field, what + " must be a " + typeName(m.getTargetType())
                    + (m.getCurrentToken() == null ? "" : ", found " + m.getCurrentToken().asString()));
        }
        return problem(CommonError.MALFORMED_BODY, field, what + " is not valid JSON: " + e.getOriginalMessage());
    }

    static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "double", "Double", "float", "Float" -> "finite number";
            case "long", "Long", "int", "Integer" -> "whole number";
            case "boolean", "Boolean" -> "boolean";
            case "Instant" -> "ISO-8601 instant (e.g. 2026-01-31T12:00:00Z)";
            case "UUID" -> "UUID";
            case "double[]" -> "array of numbers (one state)";
            case "double[][]" -> "array of states";
            case "double[][][]" -> "array of contexts";
            case "Map", "LinkedHashMap", "HashMap" -> "JSON object";
            case "List", "ArrayList" -> "JSON array";
            default -> type.getSimpleName();
        };
    }

    /**
     * The problem as its JSON members, for the places that write it outside Spring MVC (a filter,
     * Tomcat's error valve), where Spring's ProblemDetail serialisation does not apply.
     */
    public static Map<String, Object> members(ProblemDetail p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", String.valueOf(p.getType()));
        m.put("title", p.getTitle());
        m.put("status", p.getStatus());
        m.put("detail", p.getDetail());
        if (p.getInstance() != null) {
            m.put("instance", String.valueOf(p.getInstance()));
        }
        if (p.getProperties() != null) {
            m.putAll(p.getProperties());
        }
        return m;
    }

    static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
