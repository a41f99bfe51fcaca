package io.chaoscast.web.problem;

import java.io.IOException;

/** The client closed the connection while a streamed answer was being written: nothing more can be sent. */
public class ClientGoneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClientGoneException(IOException cause) {
        super("client closed the connection during a streamed answer", cause);
    }
}
