package io.chaoscast.results.metrics;

import io.chaoscast.results.web.ResultsError;
import io.chaoscast.web.limits.Paging;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.web.problem.CommonError;
import io.chaoscast.contracts.results.LatestMetricResponse;
import io.chaoscast.contracts.results.MetricBatchResponse;
import io.chaoscast.contracts.results.MetricHistoryResponse;
import io.chaoscast.contracts.results.MetricPointResponse;
import io.chaoscast.results.idempotency.IdempotentWrites;
import io.chaoscast.results.runs.RunRepository;
import io.chaoscast.results.web.Fields;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/runs/{id}/metrics}: batches in, latest values and histories out. */
@RestController
@RequestMapping("/api/v1/runs/{runId}/metrics")
public class MetricController {

    private static final Logger log = LoggerFactory.getLogger(MetricController.class);

    private final MetricWriter writer;
    private final MetricQueries queries;
    private final RunRepository runs;
    private final IdempotentWrites idempotent;
    private final MetricsProperties limits;

    MetricController(
            MetricWriter writer,
            MetricQueries queries,
            RunRepository runs,
            IdempotentWrites idempotent,
            MetricsProperties limits) {
        this.writer = writer;
        this.queries = queries;
        this.runs = runs;
        this.idempotent = idempotent;
        this.limits = limits;
    }

    /**
     * Stores a JSON array of up to {@code results.metrics.max-points-per-request} points, all or
     * none. The body is parsed as a stream (see {@link MetricBatchParser}), not bound to objects.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MetricBatchResponse> log(
            @PathVariable UUID runId,
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String key,
            HttpServletRequest request)
            throws IOException {
        long maxBytes = limits.maxRequestSize().toBytes();
        if (request.getContentLengthLong() > maxBytes) {
            throw new ApiException(CommonError.PAYLOAD_TOO_LARGE, MetricBatchParser.ROOT,
                    "the metric batch must be at most " + maxBytes + " bytes, found " + request.getContentLengthLong()
                            + "; split the batch");
        }
        long t0 = System.nanoTime();
        MetricBatchParser.Parsed parsed =
                new MetricBatchParser(limits.maxPointsPerRequest(), maxBytes).parse(request.getInputStream(), Instant.now());
        MetricBatch batch = parsed.batch();
        long t1 = System.nanoTime();
        ResponseEntity<MetricBatchResponse> answer = idempotent.run(
                "POST /api/v1/runs/" + runId + "/metrics", key, parsed.fingerprint(), MetricBatchResponse.class, () -> {
                    requireRunning(runId);
                    writer.write(runId, batch);
                    return ResponseEntity.status(HttpStatus.CREATED).body(new MetricBatchResponse(runId, batch.size()));
                });
        if (log.isDebugEnabled()) {
            log.debug("run {}: {} points read in {} ms, stored in {} ms", runId, batch.size(),
                    (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        }
        return answer;
    }

    private void requireRunning(UUID runId) {
        var status = runs.lockStatus(runId, false).orElseThrow(() -> ApiException.notFound("run", runId));
        if (status.isTerminal()) {
            throw new ApiException(ResultsError.RUN_NOT_RUNNING, "runId",
                    "run " + runId + " is " + status.wireName() + "; only running runs take metrics");
        }
    }

    @GetMapping
    @Transactional(readOnly = true)
    public List<LatestMetricResponse> latest(@PathVariable UUID runId) {
        if (runs.find(runId).isEmpty()) {
            throw ApiException.notFound("run", runId);
        }
        return queries.latest(runId);
    }

    /**
     * One page of a metric's history in step order. The key is the rest of the path, so keys with
     * slashes ({@code exit/3/mse}) work as they are.
     */
    @GetMapping("/{*key}")
    @Transactional(readOnly = true)
    public MetricHistoryResponse history(
            @PathVariable UUID runId,
            @PathVariable String key,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        String metric = key.startsWith("/") ? key.substring(1) : key;
        Fields.required("key", metric, Fields.MAX_KEY_LENGTH);
        int p = Paging.page(page);
        int s = Paging.size(size, 10_000, limits.maxHistoryPageSize());
        if (runs.find(runId).isEmpty()) {
            throw ApiException.notFound("run", runId);
        }
        long t0 = System.nanoTime();
        List<MetricPointResponse> points = queries.history(runId, metric, s, (long) p * s);
        if (log.isDebugEnabled()) {
            log.debug("run {}: {} points of {} read in {} ms", runId, points.size(), metric, (System.nanoTime() - t0) / 1_000_000);
        }
        // A first page that is not full holds the whole history: no need to count it again.
        long total = p == 0 && points.size() < s ? points.size() : queries.count(runId, metric);
        if (total == 0) {
            throw new ApiException(CommonError.NOT_FOUND, "key", "run " + runId + " has no metric '" + metric + "'");
        }
        return new MetricHistoryResponse(runId, metric, p, s, total, points);
    }
}
