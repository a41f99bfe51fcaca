package io.chaoscast.training.models;

import io.chaoscast.contracts.results.MetricBuffer;
import io.chaoscast.contracts.results.MetricPointRequest;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.training.delivery.MetricJournal;
import io.chaoscast.training.jobs.JobCancelledException;
import io.chaoscast.training.jobs.JobContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metric points of one job's training. Each goes to the results-service at once, for live
 * curves, which is best effort; {@link #journal} makes the points logged so far durable in the
 * job's {@link MetricJournal}, from which the close of a failed or cancelled run sends them, and
 * {@link #all} is what the outbox delivers with the model.
 */
final class JobMetrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobMetrics.class);

    private final MetricJournal journal;
    private final JobContext ctx;
    private final MetricBuffer live;
    private final Map<String, MetricPointRequest> all = new LinkedHashMap<>();
    private final List<MetricPointRequest> unjournalled = new ArrayList<>();

    JobMetrics(ResultsClient results, MetricJournal journal, JobContext ctx, UUID runId) {
        this.journal = journal;
        this.ctx = ctx;
        // Live points are best effort (the journal and the outbox deliver them all): a short close wait.
        this.live = results.metricBuffer(runId, new MetricBuffer.Options(100_000, 10_000, Duration.ofSeconds(10), Duration.ofSeconds(10)),
                (points, reason, cause) -> log.info("run {}: {} live metric points not delivered now ({}); they are kept with job {}"
                        + " and follow with the model or the close of the run", runId, points.size(), reason, ctx.jobId()));
    }

    /** Records a point; a value that is not finite is no metric and is left out. */
    void record(String key, long step, double value) {
        if (Double.isFinite(value)) {
            MetricPointRequest point = new MetricPointRequest(key, value, step, Instant.now());
            all.put(key + "@" + step, point);
            unjournalled.add(point);
            live.log(point);
        }
    }

    /**
     * Makes the points recorded so far durable with the job.
     *
     * @throws JobCancelledException when this worker lost the job
     */
    void journal() {
        if (unjournalled.isEmpty()) {
            return;
        }
        // One point per (key, step), as the journal and the results-service keep them.
        Map<String, MetricPointRequest> batch = new LinkedHashMap<>();
        unjournalled.forEach(p -> batch.put(p.key() + "@" + p.step(), p));
        if (!ctx.withRetry("keeping the metric points", () -> journal.append(ctx.jobId(), ctx.owner(), batch.values()))) {
            throw new JobCancelledException("this worker no longer holds the lease on job " + ctx.jobId(), true);
        }
        unjournalled.clear();
    }

    /** Every point recorded, one per (key, step), the latest value of each. */
    List<MetricPointRequest> all() {
        return List.copyOf(all.values());
    }

    /**
     * Stops the live path and journals what is left: the training ended, by its model or by a
     * failure, whose close of the run then sends the journal. A worker that lost the job leaves
     * its points to the new owner, which logs them again.
     */
    @Override
    public void close() {
        live.close();
        try {
            journal();
        } catch (JobCancelledException e) {
            log.info("job {}: {}; its last points are left to the worker that holds it", ctx.jobId(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("job {}: {} metric points could not be kept: {}", ctx.jobId(), unjournalled.size(), e.toString());
        }
    }
}
