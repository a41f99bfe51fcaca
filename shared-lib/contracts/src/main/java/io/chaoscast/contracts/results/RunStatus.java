package io.chaoscast.contracts.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a run stands. {@code running} is the only state that accepts metrics and artifacts; the
 * other three are final.
 */
public enum RunStatus {
    RUNNING,
    FINISHED,
    FAILED,
    CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTerminal() {
        return this != RUNNING;
    }

    /**
     * Parses the wire name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    @JsonCreator
    public static RunStatus fromWire(String value) {
        for (RunStatus s : values()) {
            if (s.wireName().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be one of " + allowed() + ", found '" + value + "'");
    }

    public static String allowed() {
        return Arrays.stream(values()).map(RunStatus::wireName).collect(Collectors.joining(", "));
    }
}
