package io.chaoscast.results.metrics;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed, validated batch of metric points in columns (no object per point: a batch holds up to
 * 100 000 of them). Timestamps are microseconds since 1970, as PostgreSQL keeps them.
 */
final class MetricBatch {

    final String[] keys;
    final long[] steps;
    final double[] values;
    final long[] epochMicros;
    private int size;
    private final Map<String, String> distinctKeys = new HashMap<>();

    MetricBatch(int capacity) {
        keys = new String[capacity];
        steps = new long[capacity];
        values = new double[capacity];
        epochMicros = new long[capacity];
    }

    void add(String key, long step, double value, long micros) {
        // One String per distinct key: the COPY writer encodes each key once, not once per point.
        keys[size] = distinctKeys.computeIfAbsent(key, k -> k);
        steps[size] = step;
        values[size] = value;
        epochMicros[size] = micros;
        size++;
    }

    int size() {
        return size;
    }

    /** For every key, the index of its point at the highest step (the later one on a tie). */
    Map<String, Integer> latestIndexPerKey() {
        Map<String, Integer> latest = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Integer prev = latest.get(keys[i]);
            if (prev == null || steps[i] >= steps[prev]) {
                latest.put(keys[i], i);
            }
        }
        return latest;
    }

    /**
     * Whether some key has a step at or below one it had earlier in the batch: only then can the
     * batch hold the same (key, step) twice, which one {@code INSERT … ON CONFLICT} cannot take.
     */
    boolean repeatsAStep() {
        Map<String, Long> last = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Long prev = last.put(keys[i], steps[i]);
            if (prev != null && steps[i] <= prev) {
                return true;
            }
        }
        return false;
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
