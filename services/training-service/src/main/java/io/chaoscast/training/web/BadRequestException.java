package io.chaoscast.training.web;

/** Bad input on a named field; becomes a 400 ProblemDetail that names it. */
public class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public BadRequestException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
