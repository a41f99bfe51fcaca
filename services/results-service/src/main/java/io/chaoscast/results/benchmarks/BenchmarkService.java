package io.chaoscast.results.benchmarks;

import io.chaoscast.contracts.benchmarks.BenchmarkCellResponse;
import io.chaoscast.contracts.benchmarks.BenchmarkCellUpdateRequest;
import io.chaoscast.contracts.datasets.SystemResponse;
import io.chaoscast.results.web.Fields;
import io.chaoscast.web.problem.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Creates benchmarks, tracks their cells and answers their progress. */
@Service
class BenchmarkService {

    private static final int MAX_REASON = 4000;

    private final BenchmarkRepository repository;
    private final BenchmarkPlanner planner;
    private final SystemDirectory systems;

    BenchmarkService(BenchmarkRepository repository, BenchmarkPlanner planner, SystemDirectory systems) {
        this.repository = repository;
        this.planner = planner;
        this.systems = systems;
    }

    BenchmarkResponse create(BenchmarkRequest request) {
        BenchmarkPlanner.Plan plan = planner.plan(request, systems::all);
        UUID id = UUID.randomUUID();
        repository.insert(id, plan);
        return describe(id);
    }

    BenchmarkRepository.BenchmarkRow row(UUID id) {
        return repository.find(id).orElseThrow(() -> ApiException.notFound("benchmark", id));
    }

    BenchmarkResponse describe(UUID id) {
        return describe(row(id));
    }

    List<BenchmarkResponse> list(int limit, long offset) {
        return repository.list(limit, offset).stream().map(this::describe).toList();
    }

    BenchmarkResponse cancel(UUID id) {
        row(id);
        repository.cancel(id);
        return describe(id);
    }

    List<BenchmarkCellResponse> cells(UUID id) {
        row(id);
        return repository.cells(id).stream().map(BenchmarkRepository.CellRow::cell).toList();
    }

    List<BenchmarkCellResponse> openCells(int limit) {
        return repository.openCells(limit);
    }

    void update(UUID id, int ordinal, BenchmarkCellUpdateRequest u) {
        BenchmarkRepository.BenchmarkRow b = row(id);
        // Another number than a cell's is a bad request, not a missing cell.
        int cells = b.cellCount();
        if (ordinal < 0 || ordinal >= cells) {
            throw ApiException.invalidValue("ordinal", "must be between 0 and " + (cells - 1) + " for this benchmark, found " + ordinal);
        }
        if (u == null) {
            throw ApiException.invalidValue("body", "is required");
        }
        if (u.state() != null && !BenchmarkRepository.STATES.contains(u.state())) {
            throw ApiException.invalidValue("state", "must be one of " + BenchmarkRepository.STATES + ", found '" + u.state() + "'");
        }
        Fields.optional("datasetId", u.datasetId(), 200);
        // A long reason is cut rather than refused (the driver reports what a job failed with), a NUL is refused.
        Fields.storable("failureReason", u.failureReason());
        Fields.storable("trainingOutcome", u.trainingOutcome());
        if (repository.update(id, ordinal, u.state(), u.datasetId(), u.jobId(), u.runId(), cut(u.failureReason()), cut(u.trainingOutcome())) == 0) {
            throw ApiException.notFound("benchmark cell", id + "/" + ordinal);
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }

    private BenchmarkResponse describe(BenchmarkRepository.BenchmarkRow b) {
        List<BenchmarkRepository.CellRow> cells = repository.cells(b.id());
        Map<String, Integer> counts = new LinkedHashMap<>();
        BenchmarkRepository.STATES.forEach(s -> counts.put(s, 0));
        List<BenchmarkResponse.Failure> failures = new ArrayList<>();
        double finishedSeconds = 0;
        int finishedTimed = 0;
        Instant lastEnd = null;
        for (BenchmarkRepository.CellRow row : cells) {
            BenchmarkCellResponse c = row.cell();
            counts.merge(c.state(), 1, Integer::sum);
            if ("failed".equals(c.state())) {
                failures.add(new BenchmarkResponse.Failure(c.ordinal(), c.system(), c.modelType(), c.seed(), c.failureReason(), c.runId()));
            }
            if (row.finishedAt() != null && (lastEnd == null || row.finishedAt().isAfter(lastEnd))) {
                lastEnd = row.finishedAt();
            }
            if (row.startedAt() != null && row.finishedAt() != null && !"cancelled".equals(c.state())) {
                finishedSeconds += Duration.between(row.startedAt(), row.finishedAt()).toMillis() / 1000.0;
                finishedTimed++;
            }
        }
        int open = counts.get("pending") + counts.get("queued") + counts.get("running");
        String status = b.cancelled() ? (open == 0 ? "cancelled" : "cancelling") : (open == 0 ? "finished" : "running");
        Double eta = null;
        if (open == 0) {
            eta = 0.0;
        } else if (finishedTimed > 0) {
            // Cells run side by side on several workers: divide by how many run now (at least one).
            eta = open * (finishedSeconds / finishedTimed) / Math.max(1, counts.get("running"));
        }
        return new BenchmarkResponse(b.id(), b.name(), status, b.protocol(), b.systems().stream().map(SystemResponse::name).toList(),
                b.models(), b.seeds(), cells.size(), counts, eta, failures, b.createdAt(), open == 0 ? lastEnd : null);
    }
}
