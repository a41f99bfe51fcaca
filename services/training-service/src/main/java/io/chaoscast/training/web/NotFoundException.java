package io.chaoscast.training.web;

/** Something named in the request does not exist; becomes a 404 ProblemDetail. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
