package io.chaoscast.models;

import io.chaoscast.models.baselines.EchoStateNetwork;
import io.chaoscast.models.baselines.LinearAutoregression;
import io.chaoscast.models.baselines.Nvar;
import io.chaoscast.models.baselines.PersistenceForecaster;
import io.chaoscast.models.earlyexit.EarlyExitArchitecture;
import io.chaoscast.models.earlyexit.EarlyExitTrainer;
import io.chaoscast.models.earlyexit.LossSettings;
import io.chaoscast.models.earlyexit.ProgressListener;
import io.chaoscast.models.earlyexit.RiskCalibrator;
import io.chaoscast.models.earlyexit.TrainingReport;
import io.chaoscast.models.earlyexit.TrainingSettings;
import java.util.List;

/**
 * The model types a service can ask for by name, each with defaults that work on catalog flows
 * sampled at 100 points per period (Lorenz: about 5 minutes on two CPU cores for the early-exit
 * network, seconds for the baselines).
 */
public final class ModelTypes {

    /** The canonical type names ({@link ModelType}). */
    public static final List<String> TYPES = ModelType.ids();

    /** Rollout length used to tune ridge penalties on validation data (about 1.5 Lorenz Lyapunov times). */
    public static final int TUNE_HORIZON = 100;

    /**
     * NVAR taps and skip: at 100 points per period four consecutive states (a 3-step stencil)
     * beat the paper's two (tuned at dt = 0.025): validation VPT 8.7 vs 4.3 Lyapunov times on Lorenz.
     */
    public static final int NVAR_TAPS = Nvar.DEFAULT_TAPS;

    public static final int NVAR_SKIP = Nvar.DEFAULT_SKIP;

    /** Calibration windows at most for the forecast-level risk calibration. */
    public static final int RISK_WINDOWS = 1000;

    /** Order of the linear autoregression baseline. */
    public static final int LINEAR_AR_ORDER = 16;

    private ModelTypes() {}

    /** The default early-exit network for states of {@code dimension}. */
    public static EarlyExitArchitecture defaultArchitecture(int dimension) {
        return new EarlyExitArchitecture(16, dimension, 10, 128, 8, 2, 32, false, EarlyExitArchitecture.BASE_NVAR);
    }

    public static TrainingSettings defaultTraining(long seed) {
        return new TrainingSettings(30, 256, 1e-3, 6, 2, seed, 270, 0.01);
    }

    public static LossSettings defaultLoss() {
        return LossSettings.DEFAULT;
    }

    /** A trained model and, for the early-exit network, its training report (null otherwise). */
    public record Trained(Forecaster forecaster, TrainingReport report) {}

    /** As {@link #train(String, double[][][], double[][][], long, ProgressListener, int)} with a 100-step risk horizon. */
    public static Trained train(
            String type, double[][][] train, double[][][] validation, long seed, ProgressListener listener) {
        return train(type, train, validation, seed, listener, TUNE_HORIZON);
    }

    /**
     * Trains a model of {@code type} with its defaults and, for the early-exit network, fits its
     * exit router and calibrates the threshold on the validation split by Learn-then-Test
     * (ε 5 %, confidence 90 %, loss measured on rollouts of {@code riskHorizonSteps}, about one
     * Lyapunov time).
     *
     * @throws IllegalArgumentException for an unknown type, naming the known ones
     */
    public static Trained train(
            String type,
            double[][][] train,
            double[][][] validation,
            long seed,
            ProgressListener listener,
            int riskHorizonSteps) {
        int d = train[0][0].length;
        ModelType t = ModelType.find(type).orElseThrow(
                () -> new IllegalArgumentException("type must be one of " + TYPES + ", found '" + type + "'"));
        switch (t) {
            case EARLY_EXIT -> {
                var outcome = EarlyExitTrainer.train(
                        train, validation, defaultArchitecture(d), defaultLoss(), defaultTraining(seed), listener);
                var calibrated = RiskCalibrator.calibrate(
                        outcome.forecaster(), train, validation, riskHorizonSteps, RISK_WINDOWS);
                return new Trained(calibrated, outcome.report());
            }
            case NVAR -> {
                return new Trained(Nvar.fitTuned(train, validation, NVAR_TAPS, NVAR_SKIP, TUNE_HORIZON), null);
            }
            case LINEAR -> {
                return new Trained(LinearAutoregression.fitTuned(train, validation, LINEAR_AR_ORDER, TUNE_HORIZON), null);
            }
            case ESN -> {
                var s = EchoStateNetwork.Settings.DEFAULT;
                return new Trained(
                        EchoStateNetwork.fitTuned(
                                train,
                                validation,
                                new EchoStateNetwork.Settings(
                                        s.reservoirSize(), s.degree(), s.spectralRadius(), s.leakRate(), s.inputScaling(),
                                        s.warmup(), seed),
                                TUNE_HORIZON),
                        null);
            }
            case PERSISTENCE -> {
                return new Trained(new PersistenceForecaster(d), null);
            }
            default -> throw new IllegalStateException("unhandled model type " + t);
        }
    }
}
