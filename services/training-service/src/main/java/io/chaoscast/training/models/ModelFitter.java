package io.chaoscast.training.models;

import io.chaoscast.models.Forecaster;
import io.chaoscast.models.ModelType;
import io.chaoscast.models.ModelTypes;
import io.chaoscast.models.baselines.EchoStateNetwork;
import io.chaoscast.models.baselines.LinearAutoregression;
import io.chaoscast.models.baselines.Nvar;
import io.chaoscast.models.baselines.PersistenceForecaster;
import io.chaoscast.models.earlyexit.CheckpointStore;
import io.chaoscast.models.earlyexit.EarlyExitArchitecture;
import io.chaoscast.models.earlyexit.EarlyExitTrainer;
import io.chaoscast.models.earlyexit.ProgressListener;
import io.chaoscast.models.earlyexit.RiskCalibrator;
import io.chaoscast.models.earlyexit.SearchLog;
import io.chaoscast.training.jobs.TrainingSettings;
import java.util.Map;

/**
 * Fits a model of a resolved spec on train and validation splits, with the models library. Only the
 * early-exit network trains for epochs and uses the checkpoints; the baselines fit in closed form
 * and are simply fitted again (deterministically) after a restart.
 */
final class ModelFitter {

    private ModelFitter() {}

    /**
     * A fitted model and, for the early-exit network, what its training searched (else null).
     *
     * @param epochsRun the last epoch trained (a baseline's one fit counts as one)
     * @param stoppedEarly whether early stopping, the time budget or a non-finite loss ended
     *     training before its epochs
     * @param bestEpoch the epoch whose weights the model keeps; 0 for a baseline, which has no epochs
     * @param divergedEpoch the first epoch whose losses were no longer finite; 0 when none was
     */
    record Fit(Forecaster forecaster, SearchLog search, int epochsRun, boolean stoppedEarly, int bestEpoch, int divergedEpoch) {

        /**
         * How a network's training ended and which epoch's weights the model keeps, for the job's
         * message; null for a baseline.
         */
        String outcome(int epochs) {
            if (bestEpoch == 0) {
                return null;
            }
            String kept = "; the model keeps the weights of epoch " + bestEpoch;
            if (divergedEpoch > 0) {
                // Later than the diverged epoch only in a history restored from a build that kept training.
                String stop = divergedEpoch == epochsRun
                        ? "training stopped at epoch " + epochsRun + " of " + epochs + ": its losses were no longer finite"
                        : "training stopped at epoch " + epochsRun + " of " + epochs + ": its losses were no longer finite from epoch "
                                + divergedEpoch;
                return stop + kept;
            }
            if (stoppedEarly) {
                return "training stopped early after epoch " + epochsRun + " of " + epochs + kept;
            }
            return "all " + epochs + " epochs trained" + kept;
        }
    }

    /**
     * @param riskHorizonSteps rollout steps of the early-exit risk calibration (one Lyapunov time)
     * @param checkpoints where the early-exit training saves each epoch and resumes from
     */
    static Fit fit(
            Map<String, Object> spec,
            TrainingSettings settings,
            double[][][] train,
            double[][][] validation,
            int riskHorizonSteps,
            ProgressListener listener,
            CheckpointStore checkpoints) {
        String type = (String) spec.get("type");
        if (ModelType.of(type) == ModelType.EARLY_EXIT) {
            return fitEarlyExit(spec, settings, train, validation, riskHorizonSteps, listener, checkpoints);
        }
        return new Fit(fitBaseline(spec, settings, train, validation), null, 1, false, 0, 0);
    }

    private static Fit fitEarlyExit(
            Map<String, Object> spec,
            TrainingSettings settings,
            double[][][] train,
            double[][][] validation,
            int riskHorizonSteps,
            ProgressListener listener,
            CheckpointStore checkpoints) {
        int d = train[0][0].length;
        var arch = new EarlyExitArchitecture(
                i(spec, "contextLength"), d, i(spec, "horizon"), i(spec, "width"), i(spec, "blocks"), i(spec, "mlpRatio"), i(spec, "uemHidden"),
                false, (String) spec.get("base"));
        // Patience 0 means "no early stopping": wait longer than the run can last.
        int patience = settings.earlyStoppingPatience() == 0 ? settings.epochs() + 1 : settings.earlyStoppingPatience();
        var ts = new io.chaoscast.models.earlyexit.TrainingSettings(
                settings.epochs(), settings.batchSize(), settings.learningRate(), patience, i(spec, "stride"), settings.seed(),
                x(spec, "timeBudgetSeconds"), x(spec, "inputNoise"), i(spec, "rolloutPasses"), x(spec, "rolloutFraction"),
                x(spec, "baseSearchSeconds"), orOff(spec, "gradientClipNorm"));
        var loss = ModelTypes.defaultLoss().withDistillation(orOff(spec, "distillationWeight"));
        var outcome = EarlyExitTrainer.train(train, validation, arch, loss, ts, listener, checkpoints);
        // The router and the forecast-level calibration share the weights of the trained network;
        // the artifact saves the calibrated one, and closing either frees both.
        var calibrated = RiskCalibrator.calibrate(outcome.forecaster(), train, validation, riskHorizonSteps,
                ModelTypes.RISK_WINDOWS, x(spec, "tolerance"), x(spec, "confidence"));
        var history = outcome.report().epochs();
        int last = history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
        var report = outcome.report();
        return new Fit(calibrated, outcome.search(), last, report.stoppedEarly(), report.bestEpoch(), report.divergedEpoch());
    }

    private static Forecaster fitBaseline(
            Map<String, Object> spec, TrainingSettings settings, double[][][] train, double[][][] validation) {
        String type = (String) spec.get("type");
        int d = train[0][0].length;
        return switch (ModelType.of(type)) {
            case EARLY_EXIT -> throw new IllegalArgumentException("the early-exit network is not a baseline");
            case LINEAR -> LinearAutoregression.fitTuned(train, validation, i(spec, "order"), ModelTypes.TUNE_HORIZON);
            case NVAR -> Nvar.fitTuned(train, validation, i(spec, "taps"), i(spec, "skip"), ModelTypes.TUNE_HORIZON);
            case ESN -> EchoStateNetwork.fitTuned(
                    train,
                    validation,
                    new EchoStateNetwork.Settings(
                            i(spec, "reservoirSize"), i(spec, "degree"), x(spec, "spectralRadius"), x(spec, "leakRate"),
                            x(spec, "inputScaling"), i(spec, "warmup"), settings.seed()),
                    ModelTypes.TUNE_HORIZON);
            case PERSISTENCE -> new PersistenceForecaster(d);
        };
    }

    /** The network's training time budget in seconds, 0 for none (and for baselines). */
    static double timeBudgetSeconds(Map<String, Object> spec) {
        return orOff(spec, "timeBudgetSeconds");
    }

    private static int i(Map<String, Object> spec, String key) {
        return ((Number) spec.get(key)).intValue();
    }

    private static double x(Map<String, Object> spec, String key) {
        return ((Number) spec.get(key)).doubleValue();
    }

    /**
     * A knob added after jobs were first recorded: a job recorded without it (resumed after an
     * upgrade) trained with it off, and continues that way.
     */
    private static double orOff(Map<String, Object> spec, String key) {
        Object v = spec.get(key);
        return v == null ? 0 : ((Number) v).doubleValue();
    }
}
