package io.chaoscast.results.web;

import java.io.IOException;

/** The client closed the connection while a streamed answer was being written. */
public class ClientGoneException extends RuntimeException {

    public ClientGoneException(IOException cause) {
        super("client closed the connection during a streamed answer", cause);
    }
}
