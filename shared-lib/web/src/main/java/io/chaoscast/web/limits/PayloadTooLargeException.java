package io.chaoscast.web.limits;

import java.io.IOException;

/**
 * A request body went past its limit while it was read. An {@link IOException} so that it passes
 * through readers (Jackson, stream copies) unchanged; answered {@code 413 payload-too-large}.
 */
public class PayloadTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
