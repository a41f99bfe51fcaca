package io.chaoscast.training.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this replica works the shared job queue.
 *
 * @param workers worker threads in this replica (0 = this replica only accepts jobs); env
 *     {@code CHAOSCAST_TRAINING_WORKERS}
 * @param lease how long a claimed job stays ours without a heartbeat; a worker renews it every
 *     third of this, so a job whose worker died is taken up again after at most one lease
 * @param pollInterval how often an idle worker looks for queued jobs
 * @param maxAttempts how many times a job is started before a lost worker fails it for good
 * @param outageTolerance how long a running job waits out an unreachable PostgreSQL, results- or
 *     dataset-service (retrying with backoff) before it fails; env {@code
 *     CHAOSCAST_TRAINING_OUTAGE_TOLERANCE}, default 5 minutes
 */
@ConfigurationProperties("chaoscast.training")
public record TrainingProperties(int workers, Duration lease, Duration pollInterval, int maxAttempts, Duration outageTolerance) {

    public TrainingProperties {
        if (workers < 0 || workers > 64) {
            throw new IllegalArgumentException("chaoscast.training.workers must be 0..64, found " + workers);
        }
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        if (lease.toMillis() < 300) {
            throw new IllegalArgumentException("chaoscast.training.lease must be at least 300ms, found " + lease);
        }
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        outageTolerance = outageTolerance == null ? Duration.ofMinutes(5) : outageTolerance;
        if (outageTolerance.isNegative()) {
            throw new IllegalArgumentException("chaoscast.training.outage-tolerance must not be negative, found " + outageTolerance);
        }
    }
}
