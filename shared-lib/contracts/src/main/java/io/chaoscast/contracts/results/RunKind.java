package io.chaoscast.contracts.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a run did. Written in JSON as lower case: {@code training}, {@code evaluation}, … */
public enum RunKind {
    TRAINING,
    EVALUATION,
    INFERENCE,
    BENCHMARK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the wire name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    @JsonCreator
    public static RunKind fromWire(String value) {
        for (RunKind k : values()) {
            if (k.wireName().equalsIgnoreCase(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("must be one of " + allowed() + ", found '" + value + "'");
    }

    public static String allowed() {
        return Arrays.stream(values()).map(RunKind::wireName).collect(Collectors.joining(", "));
    }
}
