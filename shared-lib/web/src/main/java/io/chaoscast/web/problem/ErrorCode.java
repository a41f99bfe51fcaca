package io.chaoscast.web.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * One entry of the error catalogue: a stable {@code code}, its HTTP status and title. The code is
 * the problem's {@code code} property and the end of its {@code type} URI, {@code
 * urn:chaoscast:problem:<code>}, for every service alike. {@link CommonError} holds the codes every
 * service answers with; a service adds a small table of its own ({@link #of}) for what only it
 * refuses.
 */
public interface ErrorCode {

    /** The scheme of every problem's {@code type}. */
    String TYPE_PREFIX = "urn:chaoscast:problem:";

    /** The {@code code} property of the problem, e.g. {@code unknown-system}. */
    String wireName();

    HttpStatus status();

    String title();

    /** A service's own entry, e.g. {@code of("unknown-system", HttpStatus.NOT_FOUND, "Unknown system")}. */
    static ErrorCode of(String wireName, HttpStatus status, String title) {
        if (!wireName.matches("[a-z]+(-[a-z]+)*")) {
            throw new IllegalArgumentException("an error code is lower-case words joined by '-', found '" + wireName + "'");
        }
        return new Entry(wireName, status, title);
    }

    /** An entry of a service's own table. */
    record Entry(String wireName, HttpStatus status, String title) implements ErrorCode {}

    default URI type() {
        return URI.create(TYPE_PREFIX + wireName());
    }
}
