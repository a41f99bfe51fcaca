package io.chaoscast.contracts.datasets;

import java.util.List;
import java.util.Map;

/**
 * A dataset recipe as posted to {@code POST /api/v1/datasets}. Only {@code system} is required;
 * everything else has a documented default (see docs/datasets.md).
 *
 * @param system catalog name (case-insensitive)
 * @param parameters overrides of the default parameters, by name
 * @param initialConditions one state per trajectory; when absent, {@code trajectories} states are
 *     drawn on the attractor from {@code seed}
 * @param trajectories number of trajectories (default 1, or the number of initial conditions)
 * @param length samples per trajectory (default 1000)
 * @param pointsPerPeriod samples per period of the system (default 100); exclusive with {@code
 *     samplingInterval}; ignored for maps
 * @param samplingInterval time between samples; exclusive with {@code pointsPerPeriod}
 * @param transientPeriods periods discarded before the first sample (default 10)
 * @param noise observational noise std relative to each dimension's std (default 0)
 * @param seed seed of the random draws (default 0)
 * @param split train / val / test fractions along time (default 0.7 / 0.15 / 0.15)
 * @param standardize scale every dimension to zero mean and unit std on the training split
 * @param rtol relative integrator tolerance, 1e-14 to 1e-2 (default 1e-10)
 * @param atol absolute integrator tolerance, 1e-14 to 1e-2 (default 1e-10)
 */
public record DatasetRequest(
        String system,
        Map<String, Double> parameters,
        List<List<Double>> initialConditions,
        Integer trajectories,
        Integer length,
        Double pointsPerPeriod,
        Double samplingInterval,
        Double transientPeriods,
        Double noise,
        Long seed,
        SplitFractions split,
        Boolean standardize,
        Double rtol,
        Double atol) {

    public static Builder builder(String system) {
        return new Builder(system);
    }

    /** Fluent construction for clients; unset fields stay null and take the service's defaults. */
    public static final class Builder {
        private final String system;
        private Map<String, Double> parameters;
        private List<List<Double>> initialConditions;
        private Integer trajectories;
        private Integer length;
        private Double pointsPerPeriod;
        private Double samplingInterval;
        private Double transientPeriods;
        private Double noise;
        private Long seed;
        private SplitFractions split;
        private Boolean standardize;
        private Double rtol;
        private Double atol;

        private Builder(String system) {
            this.system = system;
        }

        public Builder parameters(Map<String, Double> v) {
            parameters = v;
            return this;
        }

        public Builder initialConditions(List<List<Double>> v) {
            initialConditions = v;
            return this;
        }

        public Builder trajectories(int v) {
            trajectories = v;
            return this;
        }

        public Builder length(int v) {
            length = v;
            return this;
        }

        public Builder pointsPerPeriod(double v) {
            pointsPerPeriod = v;
            return this;
        }

        public Builder samplingInterval(double v) {
            samplingInterval = v;
            return this;
        }

        public Builder transientPeriods(double v) {
            transientPeriods = v;
            return this;
        }

        public Builder noise(double v) {
            noise = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder split(double train, double val, double test) {
            split = new SplitFractions(train, val, test);
            return this;
        }

        public Builder standardize(boolean v) {
            standardize = v;
            return this;
        }

        public Builder tolerances(double rtol, double atol) {
            this.rtol = rtol;
            this.atol = atol;
            return this;
        }

        public DatasetRequest build() {
            return new DatasetRequest(
                    system,
                    parameters,
                    initialConditions,
                    trajectories,
                    length,
                    pointsPerPeriod,
                    samplingInterval,
                    transientPeriods,
                    noise,
                    seed,
                    split,
                    standardize,
                    rtol,
                    atol);
        }
    }
}
