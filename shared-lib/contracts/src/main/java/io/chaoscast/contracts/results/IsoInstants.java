package io.chaoscast.contracts.results;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads the instants of metric histories fast. A 100 000-point history holds 100 000 of them, and
 * the general ISO parser ({@link Instant#parse}) costs more than everything else of a point
 * together. The form the service writes, {@code 2026-01-31T12:00:00[.fraction]Z}, is read by hand;
 * anything else (offsets, epoch numbers) falls back to the general parser.
 */
final class IsoInstants {

    private IsoInstants() {}

    static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return Instant.parse(s);
        }
        try {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int nanos = 0;
            if (n > 20) {
                if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                    return Instant.parse(s);
                }
                nanos = digits(s, 20, n - 1);
                for (int i = n - 21; i < 9; i++) {
                    nanos *= 10;
                }
            }
            if (hour > 23 || minute > 59 || second > 59) {
                return Instant.parse(s);
            }
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
        } catch (NumberFormatException | DateTimeException e) {
            return Instant.parse(s); // throws the general parser's message for a bad value
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException(s);
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Jackson deserializer using {@link #parse}; numbers are epoch milliseconds. */
    static final class Deserializer extends StdScalarDeserializer<Instant> {

        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING) {
                try {
                    return parse(p.getString());
                } catch (DateTimeParseException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getString(), e.getMessage());
                }
            }
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return Instant.ofEpochMilli(p.getLongValue());
            }
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
    }
}
