package io.chaoscast.inference.engine;

/** The artifact's bytes do not hash to the SHA-256 the registry recorded: it is never loaded. */
public class ArtifactIntegrityException extends RuntimeException {

    public ArtifactIntegrityException(String message) {
        super(message);
    }
}
