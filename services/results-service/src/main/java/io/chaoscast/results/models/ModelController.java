package io.chaoscast.results.models;

import io.chaoscast.web.limits.Paging;
import io.chaoscast.web.limits.WebLimitsProperties;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.contracts.results.ModelResponse;
import io.chaoscast.contracts.results.PageResponse;
import io.chaoscast.contracts.results.RegisterModelRequest;
import io.chaoscast.results.idempotency.Fingerprint;
import io.chaoscast.results.idempotency.IdempotentWrites;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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

/** {@code /api/v1/models}: the model registry. */
@RestController
@RequestMapping("/api/v1/models")
public class ModelController {

    private final ModelRegistry registry;
    private final IdempotentWrites idempotent;
    private final JsonMapper json;
    private final WebLimitsProperties paging;

    public ModelController(ModelRegistry registry, IdempotentWrites idempotent, JsonMapper json, WebLimitsProperties paging) {
        this.registry = registry;
        this.idempotent = idempotent;
        this.json = json;
        this.paging = paging;
    }

    /** Registers the next version of {@code name} from a run's artifact. */
    @PostMapping
    public ResponseEntity<ModelResponse> register(
            @RequestBody RegisterModelRequest request,
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String key) {
        registry.validate(request);
        return idempotent.run(
                "POST /api/v1/models", key, Fingerprint.of(json.writeValueAsBytes(request)), ModelResponse.class, () -> {
                    ModelResponse model = registry.register(request);
                    return ResponseEntity.status(HttpStatus.CREATED)
                            .location(URI.create("/api/v1/models/" + model.id()))
                            .body(model);
                });
    }

    @GetMapping("/{id}")
    public ModelResponse get(@PathVariable UUID id) {
        return registry.find(id).orElseThrow(() -> ApiException.notFound("model", id));
    }

    /** Models, newest first; {@code name} narrows to the versions of one name. */
    @GetMapping
    public PageResponse<ModelResponse> list(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return registry.list(name, Paging.page(page), Paging.size(size, 50, paging.maxPageSize()));
    }
}
