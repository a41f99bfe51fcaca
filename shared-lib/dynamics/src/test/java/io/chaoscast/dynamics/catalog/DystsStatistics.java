package io.chaoscast.dynamics.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** dysts' published per-dimension standard deviations and means, read from a test resource. */
record DystsStatistics(double[] std, double[] mean) {

    private static final Map<String, DystsStatistics> BY_NAME = load();

    static Optional<DystsStatistics> of(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Map<String, DystsStatistics> load() {
        Map<String, DystsStatistics> m = new HashMap<>();
        InputStream in = DystsStatistics.class.getResourceAsStream("dysts-statistics.tsv");
        if (in == null) {
            throw new IllegalStateException("dysts-statistics.tsv missing from the test classpath");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                m.put(f[0], new DystsStatistics(parse(f[1]), parse(f[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private static double[] parse(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
