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
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Dataset recipes, their state, and their bytes. */
@RestController
@RequestMapping("/api/v1/datasets")
public class DatasetController {

    private static final Set<String> SPLITS = Set.of("train", "val", "test", "all");
    private static final Set<String> FORMATS = Set.of("npy", "csv", "json");

    /** The media type a POST asks for to get the dataset's bytes in its answer. */
    static final String NPY = "application/x-npy";

    private static final MediaType NPY_TYPE = MediaType.parseMediaType(NPY);

    private final DatasetService datasets;
    private final JsonMapper json;

    public DatasetController(DatasetService datasets, JsonMapper json) {
        this.datasets = datasets;
        this.json = json;
    }

    @Operation(
            summary = "Create (or find) the dataset of a recipe",
            description = "201 when generated now, 202 when generating in the background, 200 when the recipe was posted before."
                    + " The id is the SHA-256 of the normalised recipe. With 'Accept: application/x-npy' (or"
                    + " application/octet-stream) a ready dataset is answered with its bytes, one round trip instead of a POST"
                    + " and a GET: the whole dataset as NPY with the headers Location, X-Dataset-Id, X-Dataset-Checksum and"
                    + " X-Dataset-Shape. A dataset generating in the background (202) or failed is answered with the JSON"
                    + " description either way.")
    @PostMapping
    public ResponseEntity<DatasetResponse> create(
            @RequestBody DatasetRequest request,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response)
            throws IOException {
        DatasetService.Creation c = datasets.create(request);
        DatasetResponse d = c.dataset();
        HttpStatus status = !c.created() ? HttpStatus.OK : d.status().equals(DatasetResponse.GENERATING) ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
        URI location = URI.create("/api/v1/datasets/" + d.id());
        if (!asksForBytes(accept)) {
            return ResponseEntity.status(status).location(location).body(d);
        }
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.LOCATION, location.toString());
        response.setHeader("X-Dataset-Id", d.id());
        if (DatasetResponse.READY.equals(d.status())) {
            DatasetService.ReadyData data = c.data() != null ? c.data() : datasets.open(d.id());
            sendNpy(data, data.layout().range("all"), d.id(), "all", NPY, response);
        } else {
            // Written here, past content negotiation: the caller asked for bytes, and the
            // description is what there is until they exist.
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), d);
        }
        return null; // answered
    }

    /** Only an explicit NPY or octet-stream type asks for bytes; wildcards keep the JSON answer. */
    static boolean asksForBytes(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            for (MediaType m : MediaType.parseMediaTypes(accept)) {
                if (m.getQualityValue() > 0
                        && (NPY_TYPE.equalsTypeAndSubtype(m) || MediaType.APPLICATION_OCTET_STREAM.equalsTypeAndSubtype(m))) {
                    return true;
                }
            }
        } catch (InvalidMediaTypeException e) {
            return false; // an unreadable Accept header gets the default answer
        }
        return false;
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
        response.setStatus(HttpStatus.OK.value());
        if (format.equals("npy")) {
            sendNpy(data, range, id, split, MediaType.APPLICATION_OCTET_STREAM_VALUE, response);
            return;
        }
        DataExporter exporter = new DataExporter(data.file(), row.trajectories(), row.length(), row.dimension());
        describe(row, range, id, split, format, response);
        switch (format) {
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

    private static void describe(DatasetRow row, SplitRange range, String id, String split, String format, HttpServletResponse response) {
        response.setHeader("X-Dataset-Checksum", row.checksum());
        response.setHeader("X-Dataset-Shape", row.trajectories() + "," + range.length() + "," + row.dimension());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id.substring(0, 16) + "-" + split + "." + format + "\"");
    }

    private static void sendNpy(
            DatasetService.ReadyData data, SplitRange range, String id, String split, String contentType, HttpServletResponse response)
            throws IOException {
        DatasetRow row = data.row();
        describe(row, range, id, split, "npy", response);
        response.setContentType(contentType);
        response.setContentLengthLong(DataExporter.npyLength(row.trajectories(), range.length(), row.dimension()));
        try (OutputStream out = response.getOutputStream()) {
            new DataExporter(data.file(), row.trajectories(), row.length(), row.dimension()).npy(range, out);
        }
    }
}
