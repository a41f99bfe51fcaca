package io.chaoscast.training.models;

import io.chaoscast.contracts.results.CreateRunRequest;
import io.chaoscast.contracts.results.MetricBuffer;
import io.chaoscast.contracts.results.ModelResponse;
import io.chaoscast.contracts.results.RegisterModelRequest;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunKind;
import io.chaoscast.contracts.results.RunStatus;
import io.chaoscast.contracts.results.UpdateRunRequest;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.baselines.NvarLibrary;
import io.chaoscast.models.earlyexit.SearchLog;
import io.chaoscast.models.evaluation.EvaluationReport;
import io.chaoscast.training.jobs.JobCancelledException;
import io.chaoscast.training.jobs.JobContext;
import io.chaoscast.training.jobs.JobExecutor;
import io.chaoscast.training.jobs.TrainingJob;
import io.chaoscast.training.jobs.TrainingSettings;
import io.chaoscast.training.jobs.TrainingSettingsRequest;
import io.chaoscast.training.upstream.DatasetGateway;
import io.chaoscast.training.upstream.DatasetSummary;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs a training job end to end: pulls the splits, trains with per-epoch progress and metrics,
 * evaluates on the test split, uploads the artifact, registers the model and closes the run. The
 * run is failed (with the reason) or cancelled whenever the job is.
 */
@Component
public class ForecastTrainingExecutor implements JobExecutor {

    private static final Logger log = LoggerFactory.getLogger(ForecastTrainingExecutor.class);
    static final String ARTIFACT = "model.zip";

    private final DatasetGateway datasets;
    private final ResultsClient results;
    private final TestEvaluation evaluation;
    private final ObjectMapper json;

    public ForecastTrainingExecutor(DatasetGateway datasets, ResultsClient results, TestEvaluation evaluation, ObjectMapper json) {
        this.datasets = datasets;
        this.results = results;
        this.evaluation = evaluation;
        this.json = json;
    }

    @Override
    public String execute(TrainingJob job, JobContext ctx) throws Exception {
        JsonNode request = json.readTree(job.requestJson());
        Map<String, Object> spec = json.convertValue(request.get("model"), new TypeReference<Map<String, Object>>() {});
        TrainingSettings settings = TrainingSettings.resolve(json.treeToValue(request.get("training"), TrainingSettingsRequest.class));
        UUID runId = job.runId();
        try {
            return train(job, ctx, spec, settings, runId);
        } catch (JobCancelledException e) {
            if (!e.leaseLost() && !ctx.stopRequested()) {
                closeRun(runId, RunStatus.CANCELLED, e.getMessage());
            }
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            if (!ctx.stopRequested()) {
                closeRun(runId, RunStatus.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            throw e;
        }
    }

    private String train(TrainingJob job, JobContext ctx, Map<String, Object> spec, TrainingSettings settings, UUID runId) {
        String type = (String) spec.get("type");
        int epochs = type.equals("early-exit") ? settings.epochs() : 1;
        ctx.progress(0, epochs, null, null, "downloading the splits of dataset " + job.datasetId());
        DatasetSummary dataset = datasets.describe(job.datasetId());
        double[][][] train = datasets.split(job.datasetId(), "train");
        double[][][] val = datasets.split(job.datasetId(), "val");
        double[][][] test = datasets.split(job.datasetId(), "test");

        MetricBuffer metrics = results.metricBuffer(runId, MetricBuffer.Options.defaults(),
                (points, reason, cause) -> log.warn("run {}: {} metric points not delivered ({}): {}", runId, points.size(), reason,
                        cause == null ? "-" : cause.getMessage()));
        try {
            ctx.progress(0, epochs, null, null, "training " + type);
            long start = System.nanoTime();
            ModelFitter.Fit fit = ModelFitter.fit(spec, settings, train, val, p -> {
                metrics.log("train_loss", p.epoch(), p.trainLoss());
                metrics.log("val_loss", p.epoch(), p.validationLoss());
                metrics.log("val_forecast_loss", p.epoch(), p.validationForecastLoss());
                ctx.progress(p.epoch(), p.epochs(), p.trainLoss(), p.validationLoss(), "epoch " + p.epoch() + " of " + p.epochs());
            });
            Forecaster forecaster = fit.forecaster();
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            try {
                metrics.log("train_seconds", 0, trainSeconds);
                if (fit.search() != null) {
                    logSearch(fit.search(), metrics, job, dataset, runId);
                }
                ctx.progress(epochs, epochs, null, null, "evaluating on the test split");
                EvaluationReport report = evaluation.evaluate(forecaster, dataset, test);
                TestEvaluation.metrics(report).forEach((k, v) -> metrics.log(k, 0, v));

                ctx.progress(epochs, epochs, null, null, "uploading the model");
                byte[] artifact = ModelArtifacts.toBytes(forecaster);
                results.uploadArtifact(runId, ARTIFACT, artifact, "application/zip");
                ModelArtifacts.Header header = ModelArtifacts.header(artifact);
                ModelResponse model = results.registerModel(new RegisterModelRequest(
                        modelName(dataset.system(), type), runId, ARTIFACT, header.spec()));
                metrics.flush();
                results.finishRun(runId);
                return model.id().toString();
            } finally {
                if (forecaster instanceof AutoCloseable c) {
                    c.close();
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            metrics.close();
        }
    }

    /**
     * The early-exit training's searches: the chosen NVAR library and blend weight as metrics
     * ({@code base_taps}, {@code base_skip}, {@code base_order}, {@code base_trig}, {@code
     * base_features}, {@code blend_weight}), every trial's validation score as a metric history
     * ({@code search_base_val_steps}, {@code search_blend_val_steps}, step = trial), and one child
     * run per library trial whose params say what was tried and how it did. A child run that
     * cannot be written is logged and skipped: the model is what the job is for.
     */
    private void logSearch(SearchLog search, MetricBuffer metrics, TrainingJob job, DatasetSummary dataset, UUID runId) {
        if (search.base() != null) {
            metrics.log("base_taps", 0, search.base().taps());
            metrics.log("base_skip", 0, search.base().skip());
            metrics.log("base_order", 0, search.base().order());
            metrics.log("base_trig", 0, search.base().trig() ? 1 : 0);
        }
        metrics.log("blend_weight", 0, search.blend());
        for (int i = 0; i < search.blendTrials().size(); i++) {
            metrics.log("search_blend_val_steps", i, search.blendTrials().get(i).medianSteps());
        }
        for (int i = 0; i < search.baseTrials().size(); i++) {
            NvarLibrary.Trial t = search.baseTrials().get(i);
            if (t.candidate().equals(search.base())) {
                metrics.log("base_features", 0, t.features());
            }
            if (Double.isFinite(t.medianSteps())) {
                metrics.log("search_base_val_steps", i, t.medianSteps());
            }
            Map<String, String> params = new java.util.LinkedHashMap<>();
            params.put("parentRunId", runId.toString());
            params.put("trial", Integer.toString(i));
            params.put("library", t.candidate().describe());
            params.put("taps", Integer.toString(t.candidate().taps()));
            params.put("skip", Integer.toString(t.candidate().skip()));
            params.put("order", Integer.toString(t.candidate().order()));
            params.put("trig", Boolean.toString(t.candidate().trig()));
            params.put("features", Integer.toString(t.features()));
            params.put("alpha", Double.toString(t.alpha()));
            params.put("valStepsMedian", Double.toString(t.medianSteps()));
            params.put("valStepsMean", Double.toString(t.meanSteps()));
            params.put("seconds", String.format(java.util.Locale.ROOT, "%.2f", t.seconds()));
            params.put("chosen", Boolean.toString(t.candidate().equals(search.base())));
            if (t.skipped() != null) {
                params.put("skipped", t.skipped());
            }
            try {
                UUID child = results.createRun(new CreateRunRequest(job.experiment(), "base search " + i + ": " + t.candidate().describe(),
                                RunKind.TRAINING, dataset.system(), dataset.id(), "nvar", null, params,
                                Map.of("parentRunId", runId.toString(), "search", "nvar-library"), null))
                        .id();
                results.finishRun(child);
            } catch (RuntimeException e) {
                log.warn("run {}: search trial {} not recorded as a child run: {}", runId, i, e.getMessage());
            }
        }
    }

    static String modelName(String system, String type) {
        return (system + "-" + type).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private void closeRun(UUID runId, RunStatus status, String reason) {
        try {
            // The results-service keeps a reason only for failed runs; a cancelled run's reason
            // stays on the job.
            String stored = status == RunStatus.FAILED ? reason : null;
            results.updateRun(runId, new UpdateRunRequest(status, stored, Instant.now()));
        } catch (RuntimeException e) {
            // The job's own row keeps the reason; the run stays open until someone closes it.
            log.warn("could not mark run {} {}: {}", runId, status, e.getMessage());
        }
    }
}
