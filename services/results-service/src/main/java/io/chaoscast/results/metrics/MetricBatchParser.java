package io.chaoscast.results.metrics;

import io.chaoscast.web.problem.ApiException;
import io.chaoscast.web.problem.CommonError;
import io.chaoscast.results.idempotency.Fingerprint;
import io.chaoscast.results.web.Fields;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON array of a metric batch token by token, straight into a {@link MetricBatch}:
 * no object per point, the point limit enforced while reading (the 100 001st point stops it), and
 * every fault named by its path, e.g. {@code metrics[17].value}.
 *
 * <p>JSON cannot carry NaN or infinities, but some writers send them anyway (bare {@code NaN}, or
 * the strings {@code "NaN"} and {@code "Infinity"}): they are read so that they can be refused with
 * a 400 naming the field, instead of a parse error.
 */
final class MetricBatchParser {

    /** The name faults in the body are reported under. */
    static final String ROOT = "metrics";

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // The request stream belongs to the servlet container; the rest is drained for the digest.
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private final int maxPoints;
    private final long maxBytes;

    MetricBatchParser(int maxPoints, long maxBytes) {
        this.maxPoints = maxPoints;
        this.maxBytes = maxBytes;
    }

    /** The batch and the SHA-256 of the body's bytes (for idempotency). */
    record Parsed(MetricBatch batch, String fingerprint) {}

    Parsed parse(InputStream body, Instant now) {
        MessageDigest digest = Fingerprint.sha256();
        InputStream in = new DigestInputStream(new LimitedInputStream(body, maxBytes), digest);
        MetricBatch batch;
        try (JsonParser p = LENIENT.createParser(in)) {
            batch = read(p, MetricBatch.micros(now));
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ApiException(CommonError.MALFORMED_BODY, ROOT,
                    "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        try {
            in.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole body
        } catch (IOException e) {
            throw new ApiException(CommonError.MALFORMED_BODY, ROOT, "the body broke off: " + e.getMessage());
        }
        return new Parsed(batch, Fingerprint.hex(digest));
    }

    private MetricBatch read(JsonParser p, long nowMicros) {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_ARRAY) {
            throw ApiException.invalidValue(ROOT, "must be a JSON array of {key, value, step, timestamp}, found "
                    + (t == null ? "an empty body" : t.asString()));
        }
        MetricBatch grown = new MetricBatch(Math.min(maxPoints, 16_384));
        int i = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (i >= maxPoints) {
                throw new ApiException(CommonError.PAYLOAD_TOO_LARGE, ROOT,
                        ROOT + " must hold at most " + maxPoints + " points per request, found more; split the batch");
            }
            if (t != JsonToken.START_OBJECT) {
                throw ApiException.invalidValue(at(i), "must be a JSON object {key, value, step, timestamp}, found "
                        + t.asString());
            }
            if (i == grown.keys.length) {
                grown = grow(grown, Math.min(maxPoints, grown.keys.length * 2));
            }
            readPoint(p, i, grown, nowMicros);
            i++;
        }
        if (i == 0) {
            throw ApiException.invalidValue(ROOT, "must hold 1 to " + maxPoints + " points, found 0");
        }
        if (p.nextToken() != null) {
            throw new ApiException(CommonError.MALFORMED_BODY, ROOT, "the body has content after the array");
        }
        return grown;
    }

    private void readPoint(JsonParser p, int i, MetricBatch batch, long nowMicros) {
        String key = null;
        double value = 0;
        boolean hasValue = false;
        long step = 0;
        boolean hasStep = false;
        long micros = nowMicros;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            switch (name) {
                case "key" -> {
                    if (t == JsonToken.VALUE_STRING) {
                        key = p.getString();
                    } else if (t != JsonToken.VALUE_NULL) {
                        throw ApiException.invalidValue(at(i) + ".key", "must be a string, found " + describe(p, t));
                    }
                }
                case "value" -> {
                    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                        value = p.getDoubleValue();
                        hasValue = true;
                    } else if (t != JsonToken.VALUE_NULL) {
                        throw ApiException.invalidValue(at(i) + ".value", "must be a finite number, found " + describe(p, t));
                    }
                }
                case "step" -> {
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        try {
                            step = p.getLongValue();
                        } catch (InputCoercionException e) {
                            throw ApiException.invalidValue(at(i) + ".step", "must be in [0, " + Long.MAX_VALUE
                                    + "], found " + p.getString());
                        }
                        hasStep = true;
                    } else if (t != JsonToken.VALUE_NULL) {
                        throw ApiException.invalidValue(at(i) + ".step", "must be a whole number of 0 or more, found "
                                + describe(p, t));
                    }
                }
                case "timestamp" -> micros = timestamp(p, t, i, nowMicros);
                default -> throw ApiException.invalidValue(at(i) + "." + name,
                        "is not a known field; allowed: key, value, step, timestamp");
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new ApiException(CommonError.MALFORMED_BODY, at(i), at(i) + " is not a complete JSON object");
        }
        if (key == null || key.isEmpty()) {
            throw ApiException.invalidValue(at(i) + ".key", "is required (1 to " + Fields.MAX_KEY_LENGTH + " characters)");
        }
        if (key.length() > Fields.MAX_KEY_LENGTH) {
            throw ApiException.invalidValue(at(i) + ".key", "must be at most " + Fields.MAX_KEY_LENGTH
                    + " characters, found " + key.length());
        }
        if (key.indexOf('\0') >= 0) {
            throw ApiException.invalidValue(at(i) + ".key", Fields.NO_NUL);
        }
        if (!hasValue) {
            throw ApiException.invalidValue(at(i) + ".value", "is required (a finite number)");
        }
        if (!Double.isFinite(value)) {
            throw ApiException.invalidValue(at(i) + ".value", "must be a finite number, found " + value);
        }
        if (!hasStep) {
            throw ApiException.invalidValue(at(i) + ".step", "is required (a whole number of 0 or more)");
        }
        if (step < 0) {
            throw ApiException.invalidValue(at(i) + ".step", "must be 0 or more, found " + step);
        }
        batch.add(key, step, value, micros);
    }

    private static final long MIN_MICROS = MetricBatch.micros(Fields.MIN_INSTANT);
    private static final long MAX_MICROS = MetricBatch.micros(Fields.MAX_INSTANT);
    private static final String TIMESTAMP_RANGE =
            "must be an ISO-8601 instant (2026-01-31T12:00:00Z) or epoch milliseconds, " + Fields.INSTANT_RANGE;

    private long timestamp(JsonParser p, JsonToken t, int i, long nowMicros) {
        long micros;
        try {
            if (t == JsonToken.VALUE_NULL) {
                return nowMicros;
            }
            if (t == JsonToken.VALUE_STRING) {
                micros = isoMicros(p.getString());
            } else if (t == JsonToken.VALUE_NUMBER_INT) {
                micros = Math.multiplyExact(p.getLongValue(), 1_000L);
            } else {
                throw ApiException.invalidValue(at(i) + ".timestamp", TIMESTAMP_RANGE + ", found " + describe(p, t));
            }
        } catch (DateTimeParseException | ArithmeticException | InputCoercionException e) {
            throw ApiException.invalidValue(at(i) + ".timestamp", TIMESTAMP_RANGE + ", found " + p.getString());
        }
        // PostgreSQL would refuse the batch for a timestamp past its own range, without naming the point.
        if (micros < MIN_MICROS || micros > MAX_MICROS) {
            throw ApiException.invalidValue(at(i) + ".timestamp", TIMESTAMP_RANGE + ", found " + p.getString());
        }
        return micros;
    }

    private String lastIso;
    private long lastIsoMicros;

    /**
     * Parses an ISO-8601 instant, remembering the last one: writers stamp a whole batch (or long runs
     * of it) with the same time, and {@link Instant#parse} is the dearest step of reading a point.
     */
    private long isoMicros(String iso) {
        if (!iso.equals(lastIso)) {
            lastIsoMicros = MetricBatch.micros(Instant.parse(iso));
            lastIso = iso;
        }
        return lastIsoMicros;
    }

    private static String describe(JsonParser p, JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> "the string \"" + abbreviate(p.getString()) + "\"";
            case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> p.getString();
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> t.asString();
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String at(int i) {
        return ROOT + "[" + i + "]";
    }

    private static MetricBatch grow(MetricBatch b, int capacity) {
        MetricBatch bigger = new MetricBatch(capacity);
        for (int j = 0; j < b.size(); j++) {
            bigger.add(b.keys[j], b.steps[j], b.values[j], b.epochMicros[j]);
        }
        return bigger;
    }

    /** Stops reading with a 413 once more than {@code max} bytes came in. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long max;
        private long count;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > max) {
                throw new ApiException(CommonError.PAYLOAD_TOO_LARGE, ROOT,
                        "the metric batch must be at most " + max + " bytes, found more; split the batch");
            }
        }
    }
}
