package io.chaoscast.training.models;

import io.chaoscast.models.Forecaster;
import io.chaoscast.models.ModelTypes;
import io.chaoscast.models.baselines.EchoStateNetwork;
import io.chaoscast.models.baselines.LinearAutoregression;
import io.chaoscast.models.baselines.Nvar;
import io.chaoscast.models.baselines.PersistenceForecaster;
import io.chaoscast.models.earlyexit.EarlyExitArchitecture;
import io.chaoscast.models.earlyexit.EarlyExitTrainer;
import io.chaoscast.models.earlyexit.ProgressListener;
import io.chaoscast.models.earlyexit.SearchLog;
import io.chaoscast.models.earlyexit.ThresholdCalibrator;
import io.chaoscast.training.jobs.TrainingSettings;
import java.util.Map;

/** Fits a model of a resolved spec on train and validation splits, with the models library. */
final class ModelFitter {

    private ModelFitter() {}

    /** A fitted model and, for the early-exit network, what its training searched (else null). */
    record Fit(Forecaster forecaster, SearchLog search) {}

    static Fit fit(
            Map<String, Object> spec, TrainingSettings settings, double[][][] train, double[][][] validation, ProgressListener listener) {
        String type = (String) spec.get("type");
        if (type.equals("early-exit")) {
            return fitEarlyExit(spec, settings, train, validation, listener);
        }
        return new Fit(fitBaseline(spec, settings, train, validation), null);
    }

    private static Fit fitEarlyExit(
            Map<String, Object> spec, TrainingSettings settings, double[][][] train, double[][][] validation, ProgressListener listener) {
        int d = train[0][0].length;
        var arch = new EarlyExitArchitecture(
                i(spec, "contextLength"), d, i(spec, "horizon"), i(spec, "width"), i(spec, "blocks"), i(spec, "mlpRatio"), i(spec, "uemHidden"),
                false, (String) spec.get("base"));
        // Patience 0 means "no early stopping": wait longer than the run can last.
        int patience = settings.earlyStoppingPatience() == 0 ? settings.epochs() + 1 : settings.earlyStoppingPatience();
        var ts = new io.chaoscast.models.earlyexit.TrainingSettings(
                settings.epochs(), settings.batchSize(), settings.learningRate(), patience, i(spec, "stride"), settings.seed(),
                x(spec, "timeBudgetSeconds"), x(spec, "inputNoise"), i(spec, "rolloutPasses"), x(spec, "rolloutFraction"),
                x(spec, "baseSearchSeconds"));
        var outcome = EarlyExitTrainer.train(train, validation, arch, ModelTypes.defaultLoss(), ts, listener);
        return new Fit(ThresholdCalibrator.calibrate(outcome.forecaster(), validation, x(spec, "tolerance"), 1), outcome.search());
    }

    private static Forecaster fitBaseline(
            Map<String, Object> spec, TrainingSettings settings, double[][][] train, double[][][] validation) {
        String type = (String) spec.get("type");
        int d = train[0][0].length;
        return switch (type) {
            case "linear" -> LinearAutoregression.fitTuned(train, validation, i(spec, "order"), ModelTypes.TUNE_HORIZON);
            case "nvar" -> Nvar.fitTuned(train, validation, i(spec, "taps"), i(spec, "skip"), ModelTypes.TUNE_HORIZON);
            case "esn" -> EchoStateNetwork.fitTuned(
                    train,
                    validation,
                    new EchoStateNetwork.Settings(
                            i(spec, "reservoirSize"), i(spec, "degree"), x(spec, "spectralRadius"), x(spec, "leakRate"),
                            x(spec, "inputScaling"), i(spec, "warmup"), settings.seed()),
                    ModelTypes.TUNE_HORIZON);
            case "persistence" -> new PersistenceForecaster(d);
            default -> throw new IllegalArgumentException("unknown model type " + type);
        };
    }

    private static int i(Map<String, Object> spec, String key) {
        return ((Number) spec.get(key)).intValue();
    }

    private static double x(Map<String, Object> spec, String key) {
        return ((Number) spec.get(key)).doubleValue();
    }
}
