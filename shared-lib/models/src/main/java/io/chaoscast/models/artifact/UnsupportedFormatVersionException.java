package io.chaoscast.models.artifact;

import java.util.List;

/** A model artifact written in a format version this build cannot read. */
public final class UnsupportedFormatVersionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int found;

    public UnsupportedFormatVersionException(int found, List<Integer> supported) {
        super("model artifact format version " + found + " is not supported; this build reads format versions "
                + supported + " (upgrade the service or re-train the model)");
        this.found = found;
    }

    public int found() {
        return found;
    }
}
