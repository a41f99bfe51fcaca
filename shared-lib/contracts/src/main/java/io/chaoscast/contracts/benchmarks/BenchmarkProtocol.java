package io.chaoscast.contracts.benchmarks;

/**
 * How every cell of a benchmark is generated, trained and tested (docs/benchmarks.md).
 *
 * @param name {@code quick}, {@code paper} or {@code custom}
 * @param pointsPerPeriod samples per characteristic period of the system
 * @param trainingPeriods length of the training split in periods
 * @param testOrigins forecast origins the test split holds room for
 * @param horizonLyapunovTimes forecast horizon each test origin needs, in Lyapunov times
 * @param noise observation noise as a fraction of each coordinate's standard deviation
 * @param epochs training epochs of the trainable models
 */
public record BenchmarkProtocol(
        String name, double pointsPerPeriod, int trainingPeriods, int testOrigins, double horizonLyapunovTimes, double noise, int epochs) {}
