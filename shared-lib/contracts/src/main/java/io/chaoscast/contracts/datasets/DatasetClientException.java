package io.chaoscast.contracts.datasets;

/**
 * dataset-service answered with an error (its RFC 7807 problem is kept), or could not be reached.
 */
public final class DatasetClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public DatasetClientException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public DatasetClientException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.code = "unreachable";
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** The problem's {@code code} property (e.g. {@code unknown-system}), or null. */
    public String code() {
        return code;
    }
}
