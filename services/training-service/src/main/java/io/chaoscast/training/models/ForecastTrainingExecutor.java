package io.chaoscast.training.models;

import io.chaoscast.contracts.results.CreateRunRequest;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.ResultsApiException;
import io.chaoscast.contracts.results.RunKind;
import io.chaoscast.contracts.results.RunStatus;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.baselines.NvarLibrary;
import io.chaoscast.models.earlyexit.EpochProgress;
import io.chaoscast.models.earlyexit.ProgressListener;
import io.chaoscast.models.earlyexit.SearchLog;
import io.chaoscast.models.evaluation.EvaluationReport;
import io.chaoscast.training.delivery.HttpRunCloser;
import io.chaoscast.training.delivery.MetricJournal;
import io.chaoscast.training.delivery.Outbox;
import io.chaoscast.training.delivery.OutboxEntry;
import io.chaoscast.training.delivery.ResultsDelivery;
import io.chaoscast.training.jobs.JobCancelledException;
import io.chaoscast.training.jobs.EvaluationProtocol;
import io.chaoscast.training.jobs.EvaluationRequest;
import io.chaoscast.training.jobs.JobContext;
import io.chaoscast.training.jobs.JobExecutor;
import io.chaoscast.training.jobs.OutageRetry;
import io.chaoscast.training.jobs.TrainingEta;
import io.chaoscast.training.jobs.TrainingJob;
import io.chaoscast.training.jobs.TrainingSettings;
import io.chaoscast.training.jobs.TrainingSettingsRequest;
import io.chaoscast.training.upstream.DatasetGateway;
import io.chaoscast.training.upstream.DatasetSummary;
import io.chaoscast.web.json.StoredJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a training job end to end: pulls the splits, trains with per-epoch progress, metrics and
 * checkpoints, evaluates on the test split, keeps the model and metrics in the outbox, then has
 * {@link ResultsDelivery} upload the artifact, register the model and close the run. A job taken
 * up again after a crash resumes from its last checkpoint, or delivers what its outbox holds. The
 * run is failed (with the reason) or cancelled whenever the job is, after it got every metric point
 * the job logged (kept in the job's {@link MetricJournal} until then).
 */
@Component
public class ForecastTrainingExecutor implements JobExecutor {

    private static final Logger log = LoggerFactory.getLogger(ForecastTrainingExecutor.class);

    private final DatasetGateway datasets;
    private final ResultsClient results;
    private final TestEvaluation evaluation;
    private final JsonMapper json;
    private final Outbox outbox;
    private final ResultsDelivery delivery;
    private final MetricJournal journal;
    private final HttpRunCloser runCloser;

    public ForecastTrainingExecutor(DatasetGateway datasets, ResultsClient results, TestEvaluation evaluation, JsonMapper json, Outbox outbox,
            ResultsDelivery delivery, MetricJournal journal, HttpRunCloser runCloser) {
        this.datasets = datasets;
        this.results = results;
        this.evaluation = evaluation;
        // The job's request as it was queued, perhaps by an older version.
        this.json = StoredJson.mapper(json);
        this.outbox = outbox;
        this.delivery = delivery;
        this.journal = journal;
        this.runCloser = runCloser;
    }

    @Override
    public String execute(TrainingJob job, JobContext ctx) throws Exception {
        JsonNode request = json.readTree(job.requestJson());
        Map<String, Object> spec = json.convertValue(request.get("model"), new TypeReference<Map<String, Object>>() {});
        TrainingSettings settings = TrainingSettings.resolve(json.treeToValue(request.get("training"), TrainingSettingsRequest.class));
        // Jobs queued before evaluation settings existed have none: the defaults they were made with.
        JsonNode evaluation = request.get("evaluation");
        EvaluationProtocol protocol = EvaluationProtocol.resolve(
                evaluation == null || evaluation.isNull() ? null : json.treeToValue(evaluation, EvaluationRequest.class));
        UUID runId = job.runId();
        try {
            // A job taken up again after its model was produced delivers it instead of training again.
            OutboxEntry produced = ctx.withRetry("reading the outbox", () -> outbox.find(job.id()))
                    .orElseGet(() -> produce(job, ctx, spec, settings, protocol, runId));
            // The epoch the training reached stays on the job (see produce).
            ctx.phase("storing the model and metrics in the results-service");
            return delivery.deliver(produced, ctx);
        } catch (JobCancelledException e) {
            if (!e.leaseLost() && !ctx.stopRequested() && ctx.holdsLease()) {
                closeRun(job.id(), runId, RunStatus.CANCELLED, e.getMessage());
            }
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            // After an outage the job may yet be taken up again (when its failure could not be
            // recorded): leave the run open; the sweeper closes it once the job is failed for good.
            // A worker whose lease ran out meanwhile leaves the run (and its metric journal) to the
            // job's new owner, whose delivery would otherwise meet a closed run.
            if (!ctx.stopRequested() && !OutageRetry.isOutage(e) && ctx.holdsLease()) {
                closeRun(job.id(), runId, RunStatus.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            throw e;
        }
    }

    private static int epochsOf(Map<String, Object> spec, TrainingSettings settings) {
        return io.chaoscast.models.ModelType.EARLY_EXIT.id().equals(spec.get("type")) ? settings.epochs() : 1;
    }

    /**
     * Trains (resuming from the job's checkpoint), evaluates and stores the products in the outbox.
     * Metric points also go to the results-service as they come, for live curves, and into the
     * job's journal after every epoch and before the outbox; the outbox holds them all again, so
     * points lost with a crash or an outage are delivered with the model, or from the journal
     * with the close of the run when the job ends without one.
     */
    private OutboxEntry produce(
            TrainingJob job, JobContext ctx, Map<String, Object> spec, TrainingSettings settings, EvaluationProtocol protocol, UUID runId) {
        String type = (String) spec.get("type");
        int epochs = epochsOf(spec, settings);
        // Phases, not epochs: a job taken up again keeps showing the epoch its checkpoint reached.
        ctx.phase(epochs, "downloading the splits of dataset " + job.datasetId());
        DatasetSummary dataset = ctx.withRetry("describing the dataset", () -> datasets.describe(job.datasetId()));
        double[][][] train = ctx.withRetry("downloading the train split", () -> datasets.split(job.datasetId(), "train"));
        double[][][] val = ctx.withRetry("downloading the val split", () -> datasets.split(job.datasetId(), "val"));
        double[][][] test = ctx.withRetry("downloading the test split", () -> datasets.split(job.datasetId(), "test"));

        JobMetrics metrics = new JobMetrics(results, journal, ctx, runId);
        BiConsumer<String, Double> point0 = (k, v) -> metrics.record(k, 0, v);
        try {
            ctx.phase(epochs, "training " + type);
            long start = System.nanoTime();
            // Estimated once when the dataset has no tabulated exponent (non-default parameters): seconds of work.
            double lambda = TestEvaluation.maxLyapunov(dataset);
            int riskHorizon = TestEvaluation.riskHorizonSteps(dataset, lambda);
            TrainingEta eta = new TrainingEta(ModelFitter.timeBudgetSeconds(spec));
            ModelFitter.Fit fit = ModelFitter.fit(spec, settings, train, val, riskHorizon, new ProgressListener() {
                @Override
                public void onSetUp(double seconds) {
                    eta.setUp(seconds);
                }

                @Override
                public void onEpoch(EpochProgress p) {
                    metrics.record("train_loss", p.epoch(), p.trainLoss());
                    metrics.record("val_loss", p.epoch(), p.validationLoss());
                    metrics.record("val_forecast_loss", p.epoch(), p.validationForecastLoss());
                    // Durable before the job may stop at the progress report below.
                    metrics.journal();
                    ctx.progress(p.epoch(), p.epochs(), p.trainLoss(), p.validationLoss(), eta.after(p.epoch(), p.epochs(), p.elapsedSeconds()),
                            "epoch " + p.epoch() + " of " + p.epochs());
                }
            }, ctx.checkpoints());
            // The epoch the training reached, not the most it might have: an early stop ends before.
            String outcome = fit.outcome(epochs);
            String stopped = outcome == null ? "" : " (" + outcome + ")";
            ctx.trained(fit.epochsRun(), epochs, outcome, "evaluating on the test split" + stopped);
            Forecaster forecaster = fit.forecaster();
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            try {
                point0.accept("train_seconds", trainSeconds);
                if (fit.search() != null) {
                    logSearch(fit.search(), metrics::record, job, ctx, dataset, runId);
                }
                EvaluationReport report = evaluation.evaluate(forecaster, dataset, test, protocol, lambda);
                // The forecast-level figures replace the one-pass oracle depth where the model has them.
                Map<String, Double> figures = new LinkedHashMap<>(TestEvaluation.metrics(report));
                figures.putAll(TestEvaluation.riskMetrics(forecaster, test, riskHorizon));
                figures.forEach(point0::accept);
                logExtraEvaluations(metrics::record, forecaster, dataset, test, protocol, lambda);
                ctx.phase("keeping the model until the results-service has it" + stopped);
                // The journal too holds every point now, for a job that fails or is cancelled while
                // it delivers: that close of the run sends them.
                metrics.journal();
                OutboxEntry entry = new OutboxEntry(job.id(), runId, modelName(dataset.system(), type), ModelArtifacts.toBytes(forecaster),
                        metrics.all(), null);
                if (!ctx.withRetry("storing the model in the outbox", () -> outbox.save(entry, ctx.owner()))) {
                    throw new JobCancelledException("this worker no longer holds the lease on job " + job.id(), true);
                }
                return entry;
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
    private void logSearch(SearchLog search, PointLog metrics, TrainingJob job, JobContext ctx, DatasetSummary dataset, UUID runId) {
        if (search.base() != null) {
            metrics.log("base_taps", 0, search.base().taps());
            metrics.log("base_skip", 0, search.base().skip());
            metrics.log("base_order", 0, search.base().order());
            metrics.log("base_trig", 0, search.base().trig() ? 1 : 0);
        }
        metrics.log("blend_weight", 0, search.blend());
        for (int i = 0; i < search.blendTrials().size(); i++) {
            SearchLog.BlendTrial b = search.blendTrials().get(i);
            metrics.log("search_blend_val_steps", i, b.medianSteps());
            if (Double.isFinite(b.medianStepsNrmse())) {
                metrics.log("search_blend_val_steps_nrmse", i, b.medianStepsNrmse());
            }
            metrics.log("search_blend_no_harm", i, b.doesNoHarm() ? 1 : 0);
            if (Double.isFinite(b.meanError())) {
                metrics.log("search_blend_val_error", i, b.meanError());
            }
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
            // One child run per trial and job: keyed by the job, so a job taken up again after a
            // crash does not record its trials twice, and an outage of the results-service is
            // waited out like any other step of the job instead of dropping the trial.
            CreateRunRequest child = new CreateRunRequest(job.experiment(), "base search " + i + ": " + t.candidate().describe(),
                    RunKind.TRAINING, dataset.system(), dataset.id(), "nvar", null, params,
                    Map.of("parentRunId", runId.toString(), "search", "nvar-library"), null);
            String key = "training-job-" + job.id() + "-search-" + i;
            int trial = i;
            try {
                UUID id = ctx.withRetry("recording base-search trial " + trial, () -> results.createRun(child, key)).id();
                ctx.withRetry("closing the run of base-search trial " + trial, () -> results.finishRun(id));
            } catch (ResultsApiException e) {
                if (!e.idempotencyKeyReused()) {
                    log.warn("run {}: search trial {} not recorded as a child run: {}", runId, i, e.getMessage());
                } // else an earlier attempt of this job recorded the trial (its wall time differed)
            }
        }
    }

    static String modelName(String system, String type) {
        return (system + "-" + type).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Where a metric point goes: the job's {@link JobMetrics} (live, the journal, the outbox). */
    @FunctionalInterface
    private interface PointLog {
        void log(String key, long step, double value);
    }

    /**
     * The attractor-level metrics of one long rollout and the rolling-origin backtest (per-origin
     * VPT and bootstrap intervals). Extras: a failure here is logged and leaves the run as it is.
     */
    private static void logExtraEvaluations(
            PointLog metrics, Forecaster forecaster, DatasetSummary dataset, double[][][] test, EvaluationProtocol protocol, double lambda) {
        try {
            AttractorEvaluation.metrics(forecaster, test).forEach((k, v) -> metrics.log(k, 0, v));
            if (dataset.lyapunovTime() != null) {
                var backtest = BacktestEvaluation.run(forecaster, dataset, test, lambda, protocol);
                for (int i = 0; i < backtest.perOriginVpt().size(); i++) {
                    metrics.log("test_backtest_vpt", i, backtest.perOriginVpt().get(i));
                }
                backtest.summary().forEach((k, v) -> metrics.log(k, 0, v));
            }
        } catch (RuntimeException e) {
            log.warn("attractor metrics or backtest of dataset {} failed: {}", dataset.id(), e.getMessage());
        }
    }

    private void closeRun(UUID jobId, UUID runId, RunStatus status, String reason) {
        try {
            // The results-service keeps a reason only for failed runs; a cancelled run's reason
            // stays on the job.
            runCloser.close(jobId, runId, status, reason, Instant.now());
        } catch (RuntimeException e) {
            // The job's own row keeps the reason, its journal the points: the sweeper sends them
            // and closes the run once the results-service answers.
            log.warn("could not mark run {} {}: {}", runId, status, e.getMessage());
        }
    }
}
