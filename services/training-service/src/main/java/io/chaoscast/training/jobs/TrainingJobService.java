package io.chaoscast.training.jobs;

import io.chaoscast.web.problem.ApiException;
import io.chaoscast.contracts.results.Provenance;
import io.chaoscast.training.config.TrainingProperties;
import io.chaoscast.training.upstream.DatasetGateway;
import io.chaoscast.training.upstream.DatasetSummary;
import io.chaoscast.training.upstream.RunGateway;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import io.chaoscast.models.ModelType;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Accepts training jobs: checks the request against the dataset before anything is written, opens
 * the run, then queues the job. A request that fails a check leaves nothing behind.
 */
@Service
public class TrainingJobService {

    /** The model types a job may train: the models library's registry ({@link ModelType}). */
    public static final Set<String> MODEL_TYPES = Set.copyOf(ModelType.ids());

    private final JobRepository jobs;
    private final DatasetGateway datasets;
    private final RunGateway runs;
    private final ModelSpecResolver specs;
    private final TrainingProperties properties;
    private final ObjectMapper json;

    public TrainingJobService(
            JobRepository jobs, DatasetGateway datasets, RunGateway runs, ModelSpecResolver specs, TrainingProperties properties, ObjectMapper json) {
        this.jobs = jobs;
        this.datasets = datasets;
        this.runs = runs;
        this.specs = specs;
        this.properties = properties;
        this.json = json;
    }

    static String codeVersion() {
        Package pkg = TrainingJobService.class.getPackage();
        return pkg != null && pkg.getImplementationVersion() != null ? pkg.getImplementationVersion() : "dev";
    }

    static String engine() {
        return "DJL " + ai.djl.engine.Engine.getDjlVersion() + " PyTorch";
    }

    public TrainingJob submit(TrainingJobRequest request) {
        return submit(request, UUID.randomUUID());
    }

    /**
     * Submits under a given id, so that a caller that retries (the benchmark driver after a
     * restart) finds the job it made instead of making another.
     */
    public TrainingJob submit(TrainingJobRequest request, UUID id) {
        // Aliases (e.g. "linear-ar") are stored under the canonical name the registry and artifacts use.
        String type = ModelType.find(request.model().type()).map(ModelType::id).orElseThrow(() -> ApiException.invalidValue(
                "model.type", "must be one of " + ModelType.ids() + ", found " + request.model().type()));
        TrainingSettings settings = TrainingSettings.resolve(request.training());
        EvaluationProtocol evaluation = EvaluationProtocol.resolve(request.evaluation());
        DatasetSummary dataset = datasets.describe(request.datasetId());
        if (!"ready".equals(dataset.status())) {
            throw ApiException.invalidValue("datasetId", "dataset " + dataset.id() + " is " + dataset.status() + "; wait until it is ready");
        }
        Map<String, Object> spec = specs.resolve(type, request.model().hyperparameters(), dataset);
        String experiment = request.experiment() == null || request.experiment().isBlank() ? "default" : request.experiment();

        Map<String, Object> normalised = new LinkedHashMap<>();
        normalised.put("datasetId", dataset.id());
        normalised.put("experiment", experiment);
        normalised.put("model", spec);
        normalised.put("training", settings);
        normalised.put("evaluation", evaluation);

        Map<String, String> params = new LinkedHashMap<>();
        spec.forEach((k, v) -> params.put("model." + k, String.valueOf(v)));
        params.put("training.epochs", String.valueOf(settings.epochs()));
        params.put("training.batchSize", String.valueOf(settings.batchSize()));
        params.put("training.learningRate", String.valueOf(settings.learningRate()));
        params.put("training.seed", String.valueOf(settings.seed()));
        params.put("training.earlyStoppingPatience", String.valueOf(settings.earlyStoppingPatience()));
        params.put("evaluation.origins", String.valueOf(evaluation.origins()));
        params.put("evaluation.horizonLyapunovTimes", String.valueOf(evaluation.horizonLyapunovTimes()));
        Provenance provenance = Provenance.ofCurrentJvm(codeVersion(), dataset.checksum(), settings.seed(), engine());

        UUID runId = runs.openRun(id, experiment, type + " on " + dataset.system(), dataset.system(), dataset.id(), type, params, provenance);
        jobs.insert(id, dataset.id(), experiment, type, json.writeValueAsString(normalised), runId, properties.maxAttempts());
        return jobs.find(id).orElseThrow();
    }
}
