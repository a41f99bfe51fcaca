package io.chaoscast.web.problem;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * One entry of the error catalogue: a stable {@code code}, its HTTP status and title. The code is
 * the problem's {@code code} property and the end of its {@code type} URI, {@code
 * urn:chaoscast:problem:<code>}, for every service alike. {@link CommonError} holds the codes every
 * service answers with; a service adds a small enum of its own for what only it refuses.
 */
public interface ErrorCode {

    /** The scheme of every problem's {@code type}. */
    String TYPE_PREFIX = "urn:chaoscast:problem:";

    /** The enum constant's name; implemented by every enum. */
    String name();

    HttpStatus status();

    String title();

    /** The {@code code} property of the problem, e.g. {@code unknown-system}. */
    default String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    default URI type() {
        return URI.create(TYPE_PREFIX + wireName());
    }
}
