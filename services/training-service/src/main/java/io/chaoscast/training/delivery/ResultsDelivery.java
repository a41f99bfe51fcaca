package io.chaoscast.training.delivery;

import io.chaoscast.contracts.results.ModelResponse;
import io.chaoscast.contracts.results.RegisterModelRequest;
import io.chaoscast.contracts.results.ResultsApiException;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.contracts.results.RunStatus;
import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.training.jobs.JobContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands an {@link OutboxEntry} to the results-service: every metric point, the artifact, the model
 * registration, the close of the run, in that order. Each step is repeatable across restarts
 * (metric points are unique per step; the upload and the registration carry idempotency keys
 * derived from the job id; closing a finished run again is answered as done), and a step the
 * entry records as done is not sent again, so a delivery cut short by a crash or an outage at any
 * point is simply done again, and each step waits out an outage of the results-service for up to
 * the job's outage tolerance.
 */
@Component
public class ResultsDelivery {

    private static final Logger log = LoggerFactory.getLogger(ResultsDelivery.class);
    public static final String ARTIFACT = "model.zip";

    private final ResultsClient results;
    private final Outbox outbox;

    public ResultsDelivery(ResultsClient results, Outbox outbox) {
        this.results = results;
        this.outbox = outbox;
    }

    /** Idempotency key of one delivery step of a job: the same on every attempt and every restart. */
    static String key(JobContext ctx, String step) {
        return "training-job-" + ctx.jobId() + "-" + step;
    }

    /** @return the registered model's id */
    public String deliver(OutboxEntry e, JobContext ctx) {
        String modelId = e.modelId();
        // A registered model means every point and the artifact were stored before it, and the
        // run may have been closed since: a finished run refuses metrics (409), so sending them
        // again would fail a job whose delivery is complete. Only closing the run is left then.
        if (modelId == null) {
            MetricBatches.forEach(e.metrics(), batch -> ctx.withRetry("storing the run's metrics", () -> results.logMetrics(e.runId(), batch)));
            ctx.checkCancelled();
            ctx.withRetry("uploading the model", () -> upload(e, ctx));
            ModelArtifacts.Header header = ModelArtifacts.header(e.artifact());
            ModelResponse model = ctx.withRetry("registering the model", () -> results.registerModel(
                    new RegisterModelRequest(e.modelName(), e.runId(), ARTIFACT, header.spec()), key(ctx, "model")));
            modelId = model.id().toString();
            String registered = modelId;
            ctx.withRetry("recording the model id", () -> {
                outbox.modelRegistered(e.jobId(), registered);
                return null;
            });
        }
        ctx.withRetry("closing the run", () -> finishRun(e));
        ctx.withRetry("recording the delivery", () -> {
            outbox.delivered(e.jobId());
            return null;
        });
        return modelId;
    }

    private Object upload(OutboxEntry e, JobContext ctx) {
        try {
            return results.uploadArtifact(e.runId(), ARTIFACT, e.artifact(), "application/zip", key(ctx, "artifact"));
        } catch (ResultsApiException ex) {
            // Stored before under another key (an upload of an older version of this service):
            // the same bytes are as good as our own upload.
            if (ex.status() == 409) {
                String sha = sha256(e.artifact());
                boolean same = results.listArtifacts(e.runId()).stream()
                        .anyMatch(a -> a.name().equals(ARTIFACT) && a.sha256().equalsIgnoreCase(sha));
                if (same) {
                    return null;
                }
            }
            throw ex;
        }
    }

    private RunResponse finishRun(OutboxEntry e) {
        try {
            return results.finishRun(e.runId());
        } catch (ResultsApiException ex) {
            if (ex.status() == 409) {
                // Already closed (by an operator, say): there is nothing left to do for it.
                RunResponse run = results.getRun(e.runId());
                if (run.status() != RunStatus.RUNNING) {
                    log.warn("run {} was already {} when job {} delivered its model", e.runId(), run.status(), e.jobId());
                    return run;
                }
            }
            throw ex;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
