package io.chaoscast.results.benchmarks;

import io.chaoscast.contracts.benchmarks.BenchmarkProtocol;
import io.chaoscast.web.problem.ApiException;
import java.util.Map;

/**
 * The named protocols and the ranges of every protocol field.
 *
 * <p>{@code quick} is sized for a small machine: 30 points per period, 40 periods of training data,
 * 20 test origins and a 5 Lyapunov-time horizon, 20 epochs. {@code paper} takes the granularity of
 * the dysts forecasting benchmark (Gilpin, "Chaos as an interpretable benchmark for forecasting and
 * data-driven modelling", NeurIPS Datasets and Benchmarks 2021), 100 points per period, with 10
 * periods of training data, a 15 Lyapunov-time horizon and 100 epochs; it is meant for a cluster.
 */
final class Protocols {

    static final Map<String, BenchmarkProtocol> NAMED = Map.of(
            "quick", new BenchmarkProtocol("quick", 30, 40, 20, 5, 0, 20),
            "paper", new BenchmarkProtocol("paper", 100, 10, 20, 15, 0, 100));

    private Protocols() {}

    static BenchmarkProtocol resolve(BenchmarkRequest.ProtocolRequest p) {
        String name = p == null || p.name() == null ? "quick" : p.name();
        BenchmarkProtocol base = NAMED.get(name);
        if (base == null) {
            throw ApiException.invalidValue("protocol.name", "must be one of [paper, quick], found '" + name + "'");
        }
        if (p == null) {
            return base;
        }
        double ppp = range("protocol.pointsPerPeriod", p.pointsPerPeriod(), base.pointsPerPeriod(), 4, 1000);
        int periods = (int) range("protocol.trainingPeriods", p.trainingPeriods(), base.trainingPeriods(), 1, 10_000);
        int origins = (int) range("protocol.testOrigins", p.testOrigins(), base.testOrigins(), 1, 1000);
        double horizon = range("protocol.horizonLyapunovTimes", p.horizonLyapunovTimes(), base.horizonLyapunovTimes(), 0.1, 100);
        double noise = range("protocol.noise", p.noise(), base.noise(), 0, 1);
        int epochs = (int) range("protocol.epochs", p.epochs(), base.epochs(), 1, 1000);
        boolean custom = p.pointsPerPeriod() != null || p.trainingPeriods() != null || p.testOrigins() != null
                || p.horizonLyapunovTimes() != null || p.noise() != null || p.epochs() != null;
        return new BenchmarkProtocol(custom ? name + "+custom" : name, ppp, periods, origins, horizon, noise, epochs);
    }

    private static double range(String field, Number value, double fallback, double min, double max) {
        if (value == null) {
            return fallback;
        }
        double v = value.doubleValue();
        if (!(v >= min && v <= max)) {
            throw ApiException.invalidValue(field, "must be between " + fmt(min) + " and " + fmt(max) + ", found " + value);
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
