package io.chaoscast.dataset.generation;

import io.chaoscast.contracts.datasets.DatasetPage;
import io.chaoscast.contracts.datasets.DatasetRequest;
import io.chaoscast.contracts.datasets.DatasetResponse;
import io.chaoscast.contracts.datasets.SplitRange;
import io.chaoscast.web.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dataset recipes, their state, and their bytes. */
@RestController
@RequestMapping("/api/v1/datasets")
public class DatasetController {

    private static final Set<String> SPLITS = Set.of("train", "val", "test", "all");
    private static final Set<String> FORMATS = Set.of("npy", "csv", "json");

    private final DatasetService datasets;

    public DatasetController(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Operation(
            summary = "Create (or find) the dataset of a recipe",
            description = "201 when generated now, 202 when generating in the background, 200 when the recipe was posted before."
                    + " The id is the SHA-256 of the normalised recipe.")
    @PostMapping
    public ResponseEntity<DatasetResponse> create(@RequestBody DatasetRequest request) {
        DatasetService.Creation c = datasets.create(request);
        DatasetResponse d = c.dataset();
        HttpStatus status = !c.created() ? HttpStatus.OK : d.status().equals(DatasetResponse.GENERATING) ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
        return ResponseEntity.status(status).location(URI.create("/api/v1/datasets/" + d.id())).body(d);
    }

    @Operation(summary = "Datasets, newest first")
    @GetMapping
    public DatasetPage list(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String system,
            @RequestParam(required = false) String status) {
        return datasets.list(page, size, system, status);
    }

    @Operation(summary = "A dataset's status, progress, checksum, shape and recipe")
    @GetMapping("/{id}")
    public DatasetResponse get(@PathVariable String id) {
        return datasets.get(id);
    }

    @Operation(
            summary = "A split's data, streamed",
            description = "npy: float64 little-endian [trajectories, steps, dimension]; csv: trajectory,step,time,x0..;"
                    + " json: {shape, startStep, samplingInterval, data}. 409 while the dataset is not ready.")
    @GetMapping("/{id}/data")
    public void data(
            @PathVariable String id,
            @RequestParam(defaultValue = "all") String split,
            @RequestParam(defaultValue = "npy") String format,
            HttpServletResponse response)
            throws IOException {
        if (!SPLITS.contains(split)) {
            throw ApiException.invalid("split", "split must be one of train, val, test, all; found '" + split + "'");
        }
        if (!FORMATS.contains(format)) {
            throw ApiException.invalid("format", "format must be one of npy, csv, json; found '" + format + "'");
        }
        DatasetService.ReadyData data = datasets.open(id);
        DatasetRow row = data.row();
        SplitRange range = data.layout().range(split);
        DataExporter exporter = new DataExporter(data.file(), row.trajectories(), row.length(), row.dimension());
        response.setStatus(HttpStatus.OK.value());
        response.setHeader("X-Dataset-Checksum", row.checksum());
        response.setHeader("X-Dataset-Shape", row.trajectories() + "," + range.length() + "," + row.dimension());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id.substring(0, 16) + "-" + split + "." + format + "\"");
        switch (format) {
            case "npy" -> {
                response.setContentType("application/octet-stream");
                response.setContentLengthLong(DataExporter.npyLength(row.trajectories(), range.length(), row.dimension()));
                try (OutputStream out = response.getOutputStream()) {
                    exporter.npy(range, out);
                }
            }
            case "csv" -> {
                response.setContentType("text/csv;charset=UTF-8");
                try (OutputStream out = response.getOutputStream()) {
                    exporter.csv(range, row.samplingInterval(), out);
                }
            }
            default -> {
                response.setContentType("application/json");
                try (OutputStream out = response.getOutputStream()) {
                    exporter.json(id, split, range, row.samplingInterval(), out);
                }
            }
        }
    }
}
