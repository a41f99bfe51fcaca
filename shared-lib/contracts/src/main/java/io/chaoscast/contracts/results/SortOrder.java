package io.chaoscast.contracts.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Sort direction for metric-ordered listings and leaderboards: {@code asc} or {@code desc}. */
public enum SortOrder {
    ASC,
    DESC;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code asc} or {@code desc} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    @JsonCreator
    public static SortOrder fromWire(String value) {
        for (SortOrder o : values()) {
            if (o.wireName().equalsIgnoreCase(value)) {
                return o;
            }
        }
        throw new IllegalArgumentException("must be one of asc, desc, found '" + value + "'");
    }
}
