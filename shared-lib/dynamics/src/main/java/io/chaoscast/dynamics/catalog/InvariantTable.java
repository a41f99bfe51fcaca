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

/**
 * The invariants of every catalog system at its default parameters, read from {@code
 * invariants.tsv} on the classpath. The file is produced by our own estimator (the generator in
 * the lyapunov package) and committed, so that serving the catalog costs nothing and every value
 * can be reproduced.
 *
 * <p>Format: {@code name<TAB>maxLyapunov<TAB>kaplanYorke<TAB>spectrum comma-separated}; lines
 * starting with {@code #} are comments.
 */
public final class InvariantTable {

    public static final String RESOURCE = "/io/chaoscast/dynamics/catalog/invariants.tsv";

    private static final InvariantTable STANDARD = load();

    private final Map<String, Invariants> byName;

    InvariantTable(Map<String, Invariants> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static InvariantTable standard() {
        return STANDARD;
    }

    public Optional<Invariants> find(String systemName) {
        return Optional.ofNullable(byName.get(systemName));
    }

    public int size() {
        return byName.size();
    }

    private static InvariantTable load() {
        Map<String, Invariants> m = new HashMap<>();
        InputStream in = InvariantTable.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            return new InvariantTable(m);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                double[] spectrum = Arrays.stream(f[3].split(",")).mapToDouble(Double::parseDouble).toArray();
                m.put(f[0], new Invariants(Double.parseDouble(f[1]), spectrum, Double.parseDouble(f[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InvariantTable(m);
    }
}
