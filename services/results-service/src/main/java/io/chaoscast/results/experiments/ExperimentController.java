package io.chaoscast.results.experiments;

import io.chaoscast.results.web.ResultsError;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.contracts.results.CreateExperimentRequest;
import io.chaoscast.contracts.results.ExperimentResponse;
import io.chaoscast.results.idempotency.Fingerprint;
import io.chaoscast.results.idempotency.IdempotentWrites;
import io.chaoscast.results.web.Fields;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/experiments}: named groups of runs. */
@RestController
@RequestMapping("/api/v1/experiments")
public class ExperimentController {

    private final ExperimentRepository experiments;
    private final IdempotentWrites idempotent;
    private final JsonMapper json;

    public ExperimentController(ExperimentRepository experiments, IdempotentWrites idempotent, JsonMapper json) {
        this.experiments = experiments;
        this.idempotent = idempotent;
        this.json = json;
    }

    @PostMapping
    public ResponseEntity<ExperimentResponse> create(
            @RequestBody CreateExperimentRequest request,
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String key) {
        Fields.body(request);
        String name = Fields.required("name", request.name(), Fields.MAX_KEY_LENGTH);
        String description = Fields.optional("description", request.description(), Fields.MAX_TEXT_LENGTH);
        return idempotent.run(
                "POST /api/v1/experiments", key, Fingerprint.of(json.writeValueAsBytes(request)),
                ExperimentResponse.class, () -> {
                    ExperimentResponse created = experiments.insert(name, description)
                            .orElseThrow(() -> new ApiException(
                                    ResultsError.ALREADY_EXISTS, "name", "an experiment named '" + name + "' already exists"));
                    return ResponseEntity.status(HttpStatus.CREATED).body(created);
                });
    }

    @GetMapping
    public List<ExperimentResponse> list() {
        return experiments.findAll();
    }
}
