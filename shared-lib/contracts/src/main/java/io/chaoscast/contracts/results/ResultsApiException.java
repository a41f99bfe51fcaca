package io.chaoscast.contracts.results;

/**
 * results-service answered with an error status (after retries, for 5xx). {@link #problem()}
 * holds its RFC 7807 body, including the field at fault.
 */
public class ResultsApiException extends ResultsClientException {

    private final int status;
    private final ProblemResponse problem;

    public ResultsApiException(String request, int status, ProblemResponse problem) {
        super(request + " answered " + status + describe(problem));
        this.status = status;
        this.problem = problem;
    }

    private static String describe(ProblemResponse p) {
        if (p == null) {
            return "";
        }
        return ": " + (p.detail() != null ? p.detail() : p.title()) + (p.field() != null ? " [" + p.field() + "]" : "");
    }

    public int status() {
        return status;
    }

    /** The problem body, or null when the answer was not a problem document. */
    public ProblemResponse problem() {
        return problem;
    }

    /** The field the service named, or null. */
    public String field() {
        return problem == null ? null : problem.field();
    }

    /**
     * Whether the service refused an Idempotency-Key because it came before with another request:
     * what that key stands for was done already, by a request that differed.
     */
    public boolean idempotencyKeyReused() {
        return problem != null && "idempotency-key-reused".equals(problem.code());
    }
}
