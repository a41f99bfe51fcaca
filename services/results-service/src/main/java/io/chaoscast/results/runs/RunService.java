package io.chaoscast.results.runs;

import io.chaoscast.results.web.ResultsError;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.contracts.results.CreateRunRequest;
import io.chaoscast.contracts.results.ExperimentResponse;
import io.chaoscast.contracts.results.LatestMetricResponse;
import io.chaoscast.contracts.results.PageResponse;
import io.chaoscast.contracts.results.Provenance;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.contracts.results.RunStatus;
import io.chaoscast.contracts.results.UpdateRunRequest;
import io.chaoscast.results.experiments.ExperimentRepository;
import io.chaoscast.results.web.Fields;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, updates, finds and lists runs. */
@Service
public class RunService {

    private final RunRepository runs;
    private final ExperimentRepository experiments;

    public RunService(RunRepository runs, ExperimentRepository experiments) {
        this.runs = runs;
        this.experiments = experiments;
    }

    /** Checks a create request before any write, so that a bad one writes nothing. */
    public void validate(CreateRunRequest r) {
        Fields.required("experiment", r.experiment(), Fields.MAX_KEY_LENGTH);
        Fields.optional("name", r.name(), Fields.MAX_KEY_LENGTH);
        if (r.kind() == null) {
            throw ApiException.invalidValue("kind", "is required, one of " + io.chaoscast.contracts.results.RunKind.allowed());
        }
        Fields.optional("systemName", r.systemName(), Fields.MAX_KEY_LENGTH);
        Fields.optional("datasetId", r.datasetId(), Fields.MAX_KEY_LENGTH);
        Fields.optional("modelType", r.modelType(), Fields.MAX_KEY_LENGTH);
        Fields.instant("startTime", r.startTime());
        Fields.keyValues("params", r.params());
        Fields.keyValues("tags", r.tags());
        Provenance p = r.provenance();
        if (p != null) {
            Fields.optional("provenance.codeVersion", p.codeVersion(), Fields.MAX_KEY_LENGTH);
            Fields.optional("provenance.datasetChecksum", p.datasetChecksum(), Fields.MAX_KEY_LENGTH);
            Fields.optional("provenance.java", p.java(), Fields.MAX_KEY_LENGTH);
            Fields.optional("provenance.os", p.os(), Fields.MAX_KEY_LENGTH);
            Fields.optional("provenance.engine", p.engine(), Fields.MAX_KEY_LENGTH);
        }
    }

    /** Must run inside the caller's transaction (the idempotent write). */
    public RunResponse create(CreateRunRequest r) {
        validate(r);
        ExperimentResponse experiment = experiments.getOrCreate(r.experiment());
        UUID id = UUID.randomUUID();
        String name = r.name() == null || r.name().isBlank()
                ? r.kind().wireName() + "-" + id.toString().substring(0, 8)
                : r.name();
        // PostgreSQL keeps microseconds: truncate so that the answer equals what a later GET reads.
        Instant start = (r.startTime() == null ? Instant.now() : r.startTime()).truncatedTo(ChronoUnit.MICROS);
        RunRow row = new RunRow(
                id, experiment.id(), experiment.name(), name, r.kind(), RunStatus.RUNNING, r.systemName(),
                r.datasetId(), r.modelType(), start, null, null, r.provenance());
        Map<String, String> params = Fields.keyValues("params", r.params());
        Map<String, String> tags = Fields.keyValues("tags", r.tags());
        runs.insert(row, params, tags);
        return toResponse(row, params, tags, Map.of());
    }

    @Transactional(readOnly = true)
    public RunResponse get(UUID id) {
        RunRow row = runs.find(id).orElseThrow(() -> ApiException.notFound("run", id));
        return assemble(List.of(row)).get(0);
    }

    @Transactional
    public RunResponse update(UUID id, UpdateRunRequest r) {
        Fields.body(r);
        Fields.optional("failureReason", r.failureReason(), Fields.MAX_TEXT_LENGTH);
        Fields.instant("endTime", r.endTime());
        RunStatus current = runs.lockStatus(id, true).orElseThrow(() -> ApiException.notFound("run", id));
        RunRow row = runs.find(id).orElseThrow();
        RunStatus target = r.status() == null ? current : r.status();
        if (current.isTerminal()) {
            boolean noChange = target == current && r.failureReason() == null && r.endTime() == null;
            // Repeating the final status is answered with the run as it is, so that retries are harmless.
            if (target == current && (noChange || r.status() != null)) {
                return get(id);
            }
            throw new ApiException(ResultsError.RUN_NOT_RUNNING, "status",
                    "run " + id + " is " + current.wireName() + "; a final run cannot change");
        }
        if (r.failureReason() != null && target != RunStatus.FAILED) {
            throw ApiException.invalidValue("failureReason", "is only allowed with status failed, found status "
                    + target.wireName());
        }
        Instant end = r.endTime() != null ? r.endTime().truncatedTo(ChronoUnit.MICROS) : null;
        if (end == null && target.isTerminal()) {
            end = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        if (end != null && end.isBefore(row.startTime())) {
            throw ApiException.invalidValue("endTime", "must not be before the run's start " + row.startTime() + ", found " + end);
        }
        runs.update(id, target, r.failureReason(), end);
        return get(id);
    }

    @Transactional(readOnly = true)
    public PageResponse<RunResponse> search(RunSearch search, int page, int size) {
        List<RunRow> rows = runs.search(search.where(), search.searchArgs(), search.orderBy(), search.join(), size, (long) page * size);
        long total = runs.count(search.where(), search.args());
        return new PageResponse<>(rows.isEmpty() ? List.of() : assemble(rows), page, size, total);
    }

    private List<RunResponse> assemble(List<RunRow> rows) {
        List<UUID> ids = rows.stream().map(RunRow::id).toList();
        Map<UUID, Map<String, String>> params = runs.pairs("run_params", ids);
        Map<UUID, Map<String, String>> tags = runs.pairs("run_tags", ids);
        Map<UUID, Map<String, LatestMetricResponse>> metrics = runs.latestMetrics(ids);
        return rows.stream()
                .map(row -> toResponse(
                        row,
                        params.getOrDefault(row.id(), Map.of()),
                        tags.getOrDefault(row.id(), Map.of()),
                        metrics.getOrDefault(row.id(), Map.of())))
                .toList();
    }

    private static RunResponse toResponse(
            RunRow r, Map<String, String> params, Map<String, String> tags, Map<String, LatestMetricResponse> metrics) {
        return new RunResponse(
                r.id(), r.experimentId(), r.experimentName(), r.name(), r.kind(), r.status(), r.systemName(),
                r.datasetId(), r.modelType(), r.startTime(), r.endTime(), r.failureReason(), r.provenance(),
                new java.util.TreeMap<>(params), new java.util.TreeMap<>(tags), metrics);
    }
}
