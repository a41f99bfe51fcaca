package io.chaoscast.dataset.generation;

import io.chaoscast.contracts.datasets.SplitRange;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How each trajectory's time axis is cut: the first {@code train} steps, then {@code val}, then
 * {@code test}. Train and val get {@code floor(fraction x length)} steps; test gets the rest, so
 * nothing is lost to rounding.
 */
public record SplitLayout(int length, int train, int val, int test) {

    public static final String[] NAMES = {"train", "val", "test"};

    public static SplitLayout of(int length, double train, double val) {
        int nTrain = (int) Math.min(length, Math.floor(train * length + 1e-9));
        int nVal = (int) Math.min(length - nTrain, Math.floor(val * length + 1e-9));
        return new SplitLayout(length, nTrain, nVal, length - nTrain - nVal);
    }

    /** @param split train, val, test or all */
    public SplitRange range(String split) {
        return switch (split) {
            case "train" -> new SplitRange(0, train);
            case "val" -> new SplitRange(train, val);
            case "test" -> new SplitRange(train + val, test);
            case "all" -> new SplitRange(0, length);
            default -> throw new IllegalArgumentException("unknown split " + split);
        };
    }

    public Map<String, SplitRange> ranges() {
        Map<String, SplitRange> m = new LinkedHashMap<>();
        for (String n : NAMES) {
            m.put(n, range(n));
        }
        return m;
    }
}
