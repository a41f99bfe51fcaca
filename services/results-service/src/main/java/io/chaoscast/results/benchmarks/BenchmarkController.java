package io.chaoscast.results.benchmarks;

import io.chaoscast.contracts.benchmarks.BenchmarkCellResponse;
import io.chaoscast.contracts.benchmarks.BenchmarkCellUpdateRequest;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.web.limits.Paging;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmarks: a study of catalog systems x model types x seeds under one protocol. This service
 * keeps the record and every cell's state; the training-service's driver creates the datasets and
 * training jobs and reports back through {@code /cells}.
 */
@RestController
@RequestMapping("/api/v1/benchmarks")
class BenchmarkController {

    static final int MAX_OPEN_CELLS_PAGE = 1000;

    private final BenchmarkService benchmarks;
    private final BenchmarkMetrics metrics;

    BenchmarkController(BenchmarkService benchmarks, BenchmarkMetrics metrics) {
        this.benchmarks = benchmarks;
        this.metrics = metrics;
    }

    @PostMapping
    ResponseEntity<BenchmarkResponse> create(@RequestBody(required = false) BenchmarkRequest request) {
        BenchmarkResponse created = benchmarks.create(request);
        return ResponseEntity.created(URI.create("/api/v1/benchmarks/" + created.id())).body(created);
    }

    @GetMapping
    List<BenchmarkResponse> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        int s = Paging.size(size, 20, 100);
        return benchmarks.list(s, (long) Paging.page(page) * s);
    }

    @GetMapping("/{id}")
    BenchmarkResponse get(@PathVariable UUID id) {
        return benchmarks.describe(id);
    }

    @PostMapping("/{id}/cancel")
    BenchmarkResponse cancel(@PathVariable UUID id) {
        return benchmarks.cancel(id);
    }

    @GetMapping("/{id}/cells")
    List<BenchmarkCellResponse> cells(@PathVariable UUID id) {
        return benchmarks.cells(id);
    }

    /** The driver's report on one cell. */
    @PutMapping("/{id}/cells/{ordinal}")
    ResponseEntity<Void> update(@PathVariable UUID id, @PathVariable int ordinal, @RequestBody(required = false) BenchmarkCellUpdateRequest update) {
        benchmarks.update(id, ordinal, update);
        return ResponseEntity.noContent().build();
    }

    /** Open cells of every benchmark, oldest first: what the training-service's driver works on. */
    @GetMapping("/open-cells")
    List<BenchmarkCellResponse> openCells(@RequestParam(required = false) Integer limit) {
        int l = limit == null ? 200 : limit;
        if (l < 1 || l > MAX_OPEN_CELLS_PAGE) {
            throw ApiException.invalidValue("limit", "must be between 1 and " + MAX_OPEN_CELLS_PAGE + ", found " + l);
        }
        return benchmarks.openCells(l);
    }

    /** Systems x models x seeds with every metric; {@code format=csv} for a CSV download. */
    @GetMapping("/{id}/table")
    ResponseEntity<?> table(@PathVariable UUID id, @RequestParam(required = false) String format) {
        BenchmarkTable table = table(id);
        if (format == null || format.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table);
        }
        if (format.equals("csv")) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"benchmark-" + id + ".csv\"")
                    .body(table.csv());
        }
        throw ApiException.invalidValue("format", "must be json or csv, found '" + format + "'");
    }

    @GetMapping("/{id}/summary")
    BenchmarkAnalysis.Summary summary(@PathVariable UUID id) {
        var row = benchmarks.row(id);
        return BenchmarkAnalysis.of(table(id), row.systems());
    }

    private BenchmarkTable table(UUID id) {
        List<BenchmarkCellResponse> cells = benchmarks.cells(id);
        return BenchmarkTable.of(id, cells, metrics.latest(BenchmarkTable.runIds(cells)));
    }
}
