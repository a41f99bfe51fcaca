package io.chaoscast.training.models;

import io.chaoscast.contracts.results.MetricBuffer;
import io.chaoscast.contracts.results.ModelResponse;
import io.chaoscast.contracts.results.RegisterModelRequest;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunStatus;
import io.chaoscast.contracts.results.UpdateRunRequest;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.artifact.ModelArtifacts;
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
import java.util.LinkedHashMap;
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
        int epochs = type.equals(io.chaoscast.models.ModelType.EARLY_EXIT.id()) ? settings.epochs() : 1;
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
            int riskHorizon = TestEvaluation.riskHorizonSteps(dataset);
            Forecaster forecaster = ModelFitter.fit(spec, settings, train, val, riskHorizon, p -> {
                metrics.log("train_loss", p.epoch(), p.trainLoss());
                metrics.log("val_loss", p.epoch(), p.validationLoss());
                metrics.log("val_forecast_loss", p.epoch(), p.validationForecastLoss());
                ctx.progress(p.epoch(), p.epochs(), p.trainLoss(), p.validationLoss(), "epoch " + p.epoch() + " of " + p.epochs());
            });
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            try {
                metrics.log("train_seconds", 0, trainSeconds);
                ctx.progress(epochs, epochs, null, null, "evaluating on the test split");
                EvaluationReport report = evaluation.evaluate(forecaster, dataset, test);
                // The forecast-level figures replace the one-pass oracle depth where the model has them.
                Map<String, Double> figures = new LinkedHashMap<>(TestEvaluation.metrics(report));
                figures.putAll(TestEvaluation.riskMetrics(forecaster, test, riskHorizon));
                figures.forEach((k, v) -> metrics.log(k, 0, v));
                logExtraEvaluations(metrics, forecaster, dataset, test);

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

    static String modelName(String system, String type) {
        return (system + "-" + type).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * The attractor-level metrics of one long rollout and the rolling-origin backtest (per-origin
     * VPT and bootstrap intervals). Extras: a failure here is logged and leaves the run as it is.
     */
    private static void logExtraEvaluations(MetricBuffer metrics, Forecaster forecaster, DatasetSummary dataset, double[][][] test) {
        try {
            AttractorEvaluation.metrics(forecaster, test).forEach((k, v) -> metrics.log(k, 0, v));
            if (dataset.lyapunovTime() != null) {
                var backtest = BacktestEvaluation.run(forecaster, dataset, test, TestEvaluation.maxLyapunov(dataset));
                for (int i = 0; i < backtest.perOriginVpt().size(); i++) {
                    metrics.log("test_backtest_vpt", i, backtest.perOriginVpt().get(i));
                }
                backtest.summary().forEach((k, v) -> metrics.log(k, 0, v));
            }
        } catch (RuntimeException e) {
            log.warn("attractor metrics or backtest of dataset {} failed: {}", dataset.id(), e.getMessage());
        }
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
