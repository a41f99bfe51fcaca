package io.chaoscast.dataset.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and storage of dataset generation ({@code chaoscast.datasets.*}, or env {@code
 * CHAOSCAST_DATASETS_*}).
 *
 * @param directory where dataset bytes are cached; they can always be regenerated from the recipe
 * @param maxTrajectories most trajectories in one dataset
 * @param maxLength most samples per trajectory
 * @param maxTotalPoints most states (trajectories x length) in one dataset
 * @param maxTotalValues most numbers (trajectories x length x dimension) in one dataset
 * @param maxIntegratedPeriods most periods integrated in total (transients and drawn initial
 *     conditions included), which bounds the work of sparse sampling
 * @param maxTransientPeriods most transient periods per trajectory
 * @param maxPointsPerPeriod densest sampling accepted
 * @param maxNoise largest relative noise level
 * @param maxDimension largest state dimension accepted from parameters
 * @param synchronousMaxPoints recipes of at most this many states are generated inside the POST
 *     (201, ready at once); larger ones go to the background executor (202)
 * @param synchronousMaxPeriods and of at most this many integrated periods (transients, drawn
 *     initial conditions and the sampled span, all trajectories): few points can still need long
 *     integrations, which must not hold a request for minutes
 * @param workerThreads threads generating datasets in the background
 * @param queueCapacity background recipes waiting for a thread; beyond it POST answers 429
 * @param staleAfter a dataset still {@code generating} without a heartbeat for this long is taken
 *     as orphaned (its generator died) and resumed
 * @param maxAttempts generations started for one dataset before it is marked failed
 * @param sweepInterval how often orphaned generations are looked for
 * @param progressInterval how often a running generation writes its progress to the database
 */
@ConfigurationProperties("chaoscast.datasets")
public record DatasetProperties(
        @DefaultValue(".chaoscast/datasets") Path directory,
        @DefaultValue("10000") int maxTrajectories,
        @DefaultValue("10000000") int maxLength,
        @DefaultValue("10000000") long maxTotalPoints,
        @DefaultValue("100000000") long maxTotalValues,
        @DefaultValue("1000000") double maxIntegratedPeriods,
        @DefaultValue("10000") double maxTransientPeriods,
        @DefaultValue("10000") double maxPointsPerPeriod,
        @DefaultValue("10") double maxNoise,
        @DefaultValue("1000") int maxDimension,
        @DefaultValue("200000") long synchronousMaxPoints,
        @DefaultValue("20000") double synchronousMaxPeriods,
        @DefaultValue("1") int workerThreads,
        @DefaultValue("16") int queueCapacity,
        @DefaultValue("60s") Duration staleAfter,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("500ms") Duration progressInterval) {}
