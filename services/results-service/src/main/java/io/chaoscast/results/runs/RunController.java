package io.chaoscast.results.runs;

import io.chaoscast.web.limits.Paging;
import io.chaoscast.web.limits.WebLimitsProperties;
import io.chaoscast.contracts.results.CreateRunRequest;
import io.chaoscast.contracts.results.PageResponse;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.contracts.results.UpdateRunRequest;
import io.chaoscast.results.idempotency.Fingerprint;
import io.chaoscast.results.idempotency.IdempotentWrites;
import io.chaoscast.results.web.Fields;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/runs}: open, update, find and list runs. */
@RestController
@RequestMapping("/api/v1/runs")
public class RunController {

    private final RunService runs;
    private final IdempotentWrites idempotent;
    private final JsonMapper json;
    private final WebLimitsProperties paging;

    public RunController(RunService runs, IdempotentWrites idempotent, JsonMapper json, WebLimitsProperties paging) {
        this.runs = runs;
        this.idempotent = idempotent;
        this.json = json;
        this.paging = paging;
    }

    @PostMapping
    public ResponseEntity<RunResponse> create(
            @RequestBody CreateRunRequest request,
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String key) {
        runs.validate(Fields.body(request));
        return idempotent.run(
                "POST /api/v1/runs", key, Fingerprint.of(json.writeValueAsBytes(request)), RunResponse.class, () -> {
                    RunResponse run = runs.create(request);
                    return ResponseEntity.status(HttpStatus.CREATED)
                            .location(URI.create("/api/v1/runs/" + run.id()))
                            .body(run);
                });
    }

    @GetMapping("/{id}")
    public RunResponse get(@PathVariable UUID id) {
        return runs.get(id);
    }

    @PatchMapping("/{id}")
    public RunResponse update(@PathVariable UUID id, @RequestBody UpdateRunRequest request) {
        return runs.update(id, request);
    }

    /**
     * Runs, filtered and paged. {@code tag} may repeat: {@code tag=key=value} (or {@code tag=key}
     * for "has the tag"). {@code sortMetric} orders by the latest value of that metric.
     */
    @GetMapping
    public PageResponse<RunResponse> list(
            @RequestParam(required = false) String experiment,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String system,
            @RequestParam(required = false) String modelType,
            @RequestParam(name = "tag", required = false) List<String> tags,
            @RequestParam(required = false) String sortMetric,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        RunSearch search = RunSearch.of(experiment, kind, status, system, modelType, tags, sortMetric, order);
        return runs.search(search, Paging.page(page), Paging.size(size, 50, paging.maxPageSize()));
    }
}
