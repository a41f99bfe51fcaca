package io.chaoscast.dynamics.catalog;

import io.chaoscast.dynamics.systems.SystemInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small helpers that keep catalog entries close to how the systems are written on paper. */
final class Defs {

    private Defs() {}

    /** Alternating names and values: {@code params("sigma", 10, "rho", 28)}. */
    static Object[] params(Object... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("params needs name/value pairs");
        }
        return nameValuePairs;
    }

    /** Zeros every entry, for a sparse Jacobian that then writes only its non-zero ones. */
    static void zero(double[][] jac) {
        for (double[] row : jac) {
            Arrays.fill(row, 0.0);
        }
    }

    static double[] ic(double... values) {
        return values;
    }

    static SystemInfo info(String name, Object[] params, double[] ic, double period, String citation, String description) {
        List<String> names = new ArrayList<>();
        double[] values = new double[params.length / 2];
        for (int i = 0; i < params.length; i += 2) {
            names.add((String) params[i]);
            values[i / 2] = ((Number) params[i + 1]).doubleValue();
        }
        return new SystemInfo(name, names, values, ic, period, citation, description);
    }
}
