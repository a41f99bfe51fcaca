package io.chaoscast.training.jobs;

import io.chaoscast.web.limits.Paging;
import io.chaoscast.web.problem.ApiException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/training-jobs")
public class TrainingJobController {

    static final int MAX_PAGE_SIZE = 200;

    private final TrainingJobService service;
    private final JobRepository jobs;

    public TrainingJobController(TrainingJobService service, JobRepository jobs) {
        this.service = service;
        this.jobs = jobs;
    }

    @PostMapping
    public ResponseEntity<TrainingJobResponse> submit(@Valid @RequestBody TrainingJobRequest request) {
        TrainingJob job = service.submit(request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/training-jobs/" + job.id()))
                .body(TrainingJobResponse.of(job));
    }

    @GetMapping("/{id}")
    public TrainingJobResponse get(@PathVariable UUID id) {
        return TrainingJobResponse.of(jobs.find(id).orElseThrow(() -> notFound(id)));
    }

    @GetMapping
    public Map<String, Object> list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (status != null) {
            try {
                status = JobStatus.fromWire(status).wire();
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidValue("status", "must be one of queued, running, succeeded, failed, cancelled; found " + status);
            }
        }
        Paging.page(page);
        Paging.size(size, size, MAX_PAGE_SIZE);
        List<TrainingJobResponse> items = jobs.page(status, size, (long) page * size).stream().map(TrainingJobResponse::of).toList();
        return Map.of("items", items, "page", page, "size", size, "total", jobs.count(status));
    }

    @PostMapping("/{id}/cancel")
    public TrainingJobResponse cancel(@PathVariable UUID id) {
        return TrainingJobResponse.of(jobs.requestCancel(id).orElseThrow(() -> notFound(id)));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFoundField("id", "no training job " + id);
    }
}
