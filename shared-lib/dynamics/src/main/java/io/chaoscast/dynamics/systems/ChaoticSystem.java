package io.chaoscast.dynamics.systems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chaotic system of the catalog: its metadata and, through the sub-interfaces {@link Flow},
 * {@link DiscreteMap} and {@link DelaySystem}, its equations. Parameters travel as a
 * {@code double[]} in the order of {@link #parameterNames()} so that the equations, called
 * millions of times, never look anything up by name.
 */
public interface ChaoticSystem {

    SystemInfo info();

    SystemKind kind();

    default String name() {
        return info().name();
    }

    default List<String> parameterNames() {
        return info().parameterNames();
    }

    default double[] defaultParameters() {
        return info().defaultParameters();
    }

    /** The default initial state; its length is the dimension at the default parameters. */
    default double[] defaultInitialCondition() {
        return info().initialCondition();
    }

    /**
     * A default initial state for these parameters, of length {@link #dimension(double[])}. Equal
     * to {@link #defaultInitialCondition()} except for systems whose dimension is a parameter
     * (Lorenz96), which extend their default state to the requested size.
     */
    default double[] defaultInitialCondition(double[] parameters) {
        return defaultInitialCondition();
    }

    /**
     * The state dimension for these parameters. Fixed for most systems; systems whose size is a
     * parameter (Lorenz96) override it.
     */
    default int dimension(double[] parameters) {
        return info().initialCondition().length;
    }

    default int dimension() {
        return dimension(defaultParameters());
    }

    /** Characteristic period: time units for flows and delays, 1 for maps. */
    default double period() {
        return info().period();
    }

    /**
     * Resolves user overrides against the defaults.
     *
     * @throws UnknownParameterException naming the unknown key and the allowed names
     * @throws IllegalArgumentException for a non-finite value
     */
    default double[] resolveParameters(Map<String, Double> overrides) {
        double[] p = defaultParameters();
        if (overrides == null) {
            return p;
        }
        List<String> names = parameterNames();
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            int i = names.indexOf(e.getKey());
            if (i < 0) {
                throw new UnknownParameterException(name(), e.getKey(), names);
            }
            Double v = e.getValue();
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        "parameters." + e.getKey() + " must be a finite number, found " + v);
            }
            p[i] = v;
        }
        return p;
    }

    /** Parameters as an ordered name to value map, for display and for recipes. */
    default Map<String, Double> parameterMap(double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        List<String> names = parameterNames();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), values[i]);
        }
        return m;
    }
}
