package io.chaoscast.inference.engine;

/** The artifact exists but this server cannot read it (unknown format version, corrupt content). */
public class UnreadableModelException extends RuntimeException {

    public UnreadableModelException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreadableModelException(String message) {
        super(message);
    }
}
