package io.chaoscast.inference.models;

import io.chaoscast.inference.engine.DeviceChoice;
import io.chaoscast.inference.engine.InferenceEngine;
import io.chaoscast.inference.engine.ModelDescriptor;
import io.chaoscast.inference.engine.ModelSourceUnavailableException;
import io.chaoscast.inference.engine.ServedModel;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which models can be served and what they are. */
@RestController
@RequestMapping("/api/v1/models")
public class ModelsController {

    private static final int LIST_LIMIT = 100;

    private final InferenceEngine engine;
    private final JsonMapper json;
    private final String device;

    public ModelsController(InferenceEngine engine, JsonMapper json) {
        this.engine = engine;
        this.json = json;
        this.device = DeviceChoice.describe(engine.device());
    }

    @GetMapping
    public ModelListResponse list() {
        List<ServedModel> loaded = engine.cache().loaded();
        Set<String> loadedIds =
                loaded.stream().map(m -> m.descriptor().id()).collect(Collectors.toSet());
        List<ModelSummaryResponse> registered = List.of();
        String error = null;
        try {
            registered = engine.cache().repository().list(LIST_LIMIT).stream()
                    .map(d -> summary(d, loadedIds.contains(d.id())))
                    .toList();
        } catch (ModelSourceUnavailableException e) {
            // The loaded models can still be listed and served.
            error = e.getMessage();
        }
        return new ModelListResponse(
                registered,
                loaded.stream().map(m -> summary(m.descriptor(), true)).toList(),
                device,
                error);
    }

    /** Loads the model if needed, so the answer shows what serving it will use. */
    @GetMapping("/{modelId}")
    public ModelDetailResponse get(@PathVariable String modelId) {
        ServedModel m = engine.cache().get(modelId);
        ModelDescriptor d = m.descriptor();
        JsonNode registeredSpec = d.specJson() == null ? null : json.readTree(d.specJson());
        return new ModelDetailResponse(
                d.id(),
                d.name(),
                d.version(),
                d.modelType(),
                d.systemName(),
                d.runId(),
                d.artifactName(),
                d.artifactSha256(),
                m.spec(),
                m.calibration(),
                m.risk(),
                registeredSpec,
                m.formatVersion(),
                m.replicas(),
                m.memoryBytes(),
                device);
    }

    private static ModelSummaryResponse summary(ModelDescriptor d, boolean loaded) {
        return new ModelSummaryResponse(d.id(), d.name(), d.version(), d.modelType(), d.systemName(), loaded);
    }
}
