package io.chaoscast.training.delivery;

import io.chaoscast.contracts.results.MetricPointRequest;
import io.chaoscast.contracts.results.ResultsApiException;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunStatus;
import io.chaoscast.contracts.results.UpdateRunRequest;
import io.chaoscast.training.jobs.RunCloser;
import io.chaoscast.training.jobs.TrainingJob;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Closes a job's run with the job's outcome, after sending the points of its {@link MetricJournal}
 * (a closed run takes no more); a run that is gone or closed already counts as closed. Every step
 * is safe to repeat: points are unique per (run, key, step) and setting a run's status again is
 * answered 200, so a close cut short by an outage is simply done again.
 */
@Component
public class HttpRunCloser implements RunCloser {

    private static final Logger log = LoggerFactory.getLogger(HttpRunCloser.class);

    private final ResultsClient results;
    private final MetricJournal journal;

    HttpRunCloser(ResultsClient results, MetricJournal journal) {
        this.results = results;
        this.journal = journal;
    }

    @Override
    public void close(TrainingJob job) {
        RunStatus status = switch (job.status()) {
            case SUCCEEDED -> RunStatus.FINISHED;
            case CANCELLED -> RunStatus.CANCELLED;
            default -> RunStatus.FAILED;
        };
        close(job.id(), job.runId(), status, job.failureReason(), job.finishedAt() == null ? Instant.now() : job.finishedAt());
    }

    /**
     * Sends the job's journalled points, closes its run and drops the journal.
     *
     * @param reason kept by the results-service only for a failed run
     * @throws RuntimeException when the results-service could not be reached; the journal stays
     */
    public void close(UUID jobId, UUID runId, RunStatus status, String reason, Instant endedAt) {
        List<MetricPointRequest> points = journal.points(jobId);
        try {
            MetricBatches.forEach(points, batch -> results.logMetrics(runId, batch));
        } catch (ResultsApiException e) {
            if (e.status() != 404 && e.status() != 409) {
                throw e;
            }
            // Closed already (by an earlier close of ours that sent these first, or by an
            // operator) or gone: it takes no points any more.
            log.info("run {} of job {} takes no metrics any more ({}); {} journalled points not sent", runId, jobId, e.status(), points.size());
        }
        try {
            results.updateRun(runId, new UpdateRunRequest(status, status == RunStatus.FAILED ? reason : null, endedAt));
        } catch (ResultsApiException e) {
            if (e.status() != 404 && e.status() != 409) {
                throw e;
            }
        }
        journal.drop(jobId);
    }
}
