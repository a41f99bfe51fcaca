package io.chaoscast.training.delivery;

import io.chaoscast.contracts.results.ResultsApiException;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunStatus;
import io.chaoscast.contracts.results.UpdateRunRequest;
import io.chaoscast.training.jobs.RunCloser;
import io.chaoscast.training.jobs.TrainingJob;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Closes a job's run with the job's outcome; a run that is gone or closed already counts as closed. */
@Component
class HttpRunCloser implements RunCloser {

    private final ResultsClient results;

    HttpRunCloser(ResultsClient results) {
        this.results = results;
    }

    @Override
    public void close(TrainingJob job) {
        RunStatus status = switch (job.status()) {
            case SUCCEEDED -> RunStatus.FINISHED;
            case CANCELLED -> RunStatus.CANCELLED;
            default -> RunStatus.FAILED;
        };
        String reason = status == RunStatus.FAILED ? job.failureReason() : null;
        try {
            // Setting the status a run already has is answered 200, so this is safe to repeat.
            results.updateRun(job.runId(), new UpdateRunRequest(status, reason, job.finishedAt() == null ? Instant.now() : job.finishedAt()));
        } catch (ResultsApiException e) {
            if (e.status() != 404 && e.status() != 409) {
                throw e;
            }
        }
    }
}
