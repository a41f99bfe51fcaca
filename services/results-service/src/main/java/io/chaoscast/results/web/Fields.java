package io.chaoscast.results.web;

import io.chaoscast.web.problem.ApiException;
import io.chaoscast.web.problem.CommonError;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks of request fields that throw {@link ApiException}s naming the field and the allowed range. */
public final class Fields {

    /** Longest metric, param and tag key, and most names. */
    public static final int MAX_KEY_LENGTH = 250;
    /** Longest param or tag value, description or failure reason. */
    public static final int MAX_TEXT_LENGTH = 4000;

    /** PostgreSQL text and jsonb cannot hold the NUL character; every stored string is checked for it. */
    public static final String NO_NUL = "must not contain the NUL character (U+0000)";

    /**
     * Earliest and latest instant a request may carry (run start and end, metric timestamps).
     * PostgreSQL keeps 4713 BC to 294276 AD; nothing the platform records lies outside these years.
     */
    public static final Instant MIN_INSTANT = Instant.EPOCH;

    public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** The allowed range of instants, as problems state it. */
    public static final String INSTANT_RANGE = "between " + MIN_INSTANT + " and " + MAX_INSTANT;

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private Fields() {}

    /** A JSON body of {@code null} binds to a null record; refuse it like a missing body. */
    public static <T> T body(T request) {
        if (request == null) {
            throw new ApiException(CommonError.MALFORMED_BODY, "body", "the request body must be a JSON object, found null");
        }
        return request;
    }

    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidValue(field, "is required (1 to " + max + " characters)");
        }
        return optional(field, value, max);
    }

    public static String optional(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.invalidValue(field, "must be at most " + max + " characters, found " + value.length());
        }
        return storable(field, value);
    }

    /** Any length, but no NUL character (PostgreSQL text cannot hold it). */
    public static String storable(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw ApiException.invalidValue(field, NO_NUL);
        }
        return value;
    }

    /** An optional instant within {@link #MIN_INSTANT} and {@link #MAX_INSTANT}. */
    public static Instant instant(String field, Instant value) {
        if (value != null && (value.isBefore(MIN_INSTANT) || value.isAfter(MAX_INSTANT))) {
            throw ApiException.invalidValue(field, "must be " + INSTANT_RANGE + ", found " + value);
        }
        return value;
    }

    /** A name used in URL paths and file names: letters, digits, '.', '_' and '-'. */
    public static String safeName(String field, String value) {
        required(field, value, MAX_KEY_LENGTH);
        if (!SAFE_NAME.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw ApiException.invalidValue(field, "must consist of letters, digits, '.', '_' and '-', found '" + value + "'");
        }
        return value;
    }

    /** A string-to-string map such as params or tags. */
    public static Map<String, String> keyValues(String field, Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        if (map.size() > 1000) {
            throw ApiException.invalidValue(field, "must have at most 1000 entries, found " + map.size());
        }
        for (Map.Entry<String, String> e : map.entrySet()) {
            required(field + " key", e.getKey(), MAX_KEY_LENGTH);
            if (e.getValue() == null) {
                throw ApiException.invalidValue(field + "." + e.getKey(), "must be a string, found null");
            }
            optional(field + "." + e.getKey(), e.getValue(), MAX_TEXT_LENGTH);
        }
        return map;
    }
}
