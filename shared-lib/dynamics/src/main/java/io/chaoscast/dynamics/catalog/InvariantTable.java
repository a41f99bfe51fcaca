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
 * <p>Format, tab-separated: {@code name, maxLyapunov, maxLyapunovSE, kaplanYorke, kaplanYorkeSE,
 * correlationDimension, correlationDimensionSE, converged, spectrum, spectrumSE} (the last two
 * comma-separated); {@code NaN} where a value is unknown. Lines starting with {@code #} are
 * comments. The older four-column form {@code name, maxLyapunov, kaplanYorke, spectrum} is still
 * read, without error bars.
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

    static Invariants parse(String[] f) {
        if (f.length == 4) {
            return new Invariants(Double.parseDouble(f[1]), doubles(f[3]), Double.parseDouble(f[2]));
        }
        return new Invariants(
                Double.parseDouble(f[1]),
                doubles(f[8]),
                Double.parseDouble(f[3]),
                Double.parseDouble(f[2]),
                doubles(f[9]),
                Double.parseDouble(f[4]),
                Double.parseDouble(f[5]),
                Double.parseDouble(f[6]),
                Boolean.parseBoolean(f[7]));
    }

    private static double[] doubles(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
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
                m.put(f[0], parse(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InvariantTable(m);
    }
}
