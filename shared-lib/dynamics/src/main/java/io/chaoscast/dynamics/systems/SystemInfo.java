package io.chaoscast.dynamics.systems;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the catalog knows about a system besides its equations.
 *
 * @param name unique across kinds; the dysts name where dysts has the system
 * @param parameterNames parameter names, in the order of the parameter arrays the equations get
 * @param defaultParameters published default values, same order as {@code parameterNames}
 * @param initialCondition a state on (or near) the attractor for the default parameters
 * @param period characteristic period in time units (flows, delays) or iterations (maps: 1)
 * @param citation where the system was published
 * @param description what the system models, in our own words
 */
public record SystemInfo(
        String name,
        List<String> parameterNames,
        double[] defaultParameters,
        double[] initialCondition,
        double period,
        String citation,
        String description) {

    public SystemInfo {
        Objects.requireNonNull(name, "name");
        parameterNames = List.copyOf(parameterNames);
        defaultParameters = defaultParameters.clone();
        initialCondition = initialCondition.clone();
        if (parameterNames.size() != defaultParameters.length) {
            throw new IllegalArgumentException(
                    name + ": " + parameterNames.size() + " parameter names but " + defaultParameters.length + " values");
        }
        if (!(period > 0)) {
            throw new IllegalArgumentException(name + ": period must be positive, found " + period);
        }
    }

    @Override
    public double[] defaultParameters() {
        return defaultParameters.clone();
    }

    @Override
    public double[] initialCondition() {
        return initialCondition.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SystemInfo other
                && name.equals(other.name)
                && parameterNames.equals(other.parameterNames)
                && Arrays.equals(defaultParameters, other.defaultParameters)
                && Arrays.equals(initialCondition, other.initialCondition)
                && period == other.period;
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "SystemInfo[" + name + "]";
    }
}
