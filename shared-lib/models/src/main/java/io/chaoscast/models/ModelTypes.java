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
import io.chaoscast.models.earlyexit.SearchLog;
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

    /** Sampling the defaults were tuned at (Lorenz, docs/models.md): 100 points per period. */
    public static final double REFERENCE_POINTS_PER_PERIOD = 100;

    /** The default early-exit network for states of {@code dimension} sampled at 100 points per period. */
    public static EarlyExitArchitecture defaultArchitecture(int dimension) {
        return defaultArchitecture(dimension, REFERENCE_POINTS_PER_PERIOD);
    }

    /**
     * The default early-exit network in the system's own units: the context covers 0.16 of a
     * characteristic period (16 states at 100 points per period, at least 8, at most 64) and one
     * pass predicts a tenth of a period (10 states at 100, 2 to 32). The evaluation horizon and
     * the training noise are already in the system's units (Lyapunov times; standard deviations).
     */
    public static EarlyExitArchitecture defaultArchitecture(int dimension, double pointsPerPeriod) {
        if (!(pointsPerPeriod > 0) || !Double.isFinite(pointsPerPeriod)) {
            throw new IllegalArgumentException("pointsPerPeriod must be positive and finite, found " + pointsPerPeriod);
        }
        int context = (int) Math.max(8, Math.min(64, Math.round(0.16 * pointsPerPeriod)));
        int horizon = (int) Math.max(2, Math.min(32, Math.round(0.1 * pointsPerPeriod)));
        return new EarlyExitArchitecture(context, dimension, horizon, 128, 8, 2, 32, false, EarlyExitArchitecture.BASE_NVAR);
    }

    /** Seconds the base's feature-library search may take by default (inside the training budget). */
    public static final double BASE_SEARCH_SECONDS = 60;

    /**
     * Global gradient-norm limit of the default training. The median step norm on Lorenz is
     * 0.4–0.9, so 1 trims the upper tail of ordinary steps and caps the rare huge ones; measured on
     * Lorenz (docs/models.md), it made the deep exits more accurate and, together with
     * self-distillation, the calibrated early exit shallower.
     */
    public static final double GRADIENT_CLIP_NORM = 1.0;

    /**
     * Self-distillation weight of the default loss: the shallow exits also learn to forecast what
     * the deepest exit forecasts, which is what the forecast-level budget compares them with. 2
     * rather than 1: on three Lorenz networks the calibrated depth fell from 34–57 % to 12–27 %
     * at the same full-depth VPT; 3 began to cost full-depth skill (docs/models.md).
     */
    public static final double DISTILLATION_WEIGHT = 2.0;

    /** Rollout training by default: windows from the model's own second pass, a quarter as many as the others. */
    public static final int ROLLOUT_PASSES = 2;

    public static final double ROLLOUT_FRACTION = 0.25;

    /**
     * Adam 1e-3, 30 epochs, patience 6, stride 2, noise 0.01, 270 s in all (the base's library
     * search of at most {@link #BASE_SEARCH_SECONDS} included), rollout training on.
     */
    public static TrainingSettings defaultTraining(long seed) {
        return new TrainingSettings(30, 256, 1e-3, 6, 2, seed, 270, 0.01)
                .withRollouts(ROLLOUT_PASSES, ROLLOUT_FRACTION)
                .withBaseSearch(BASE_SEARCH_SECONDS)
                .withGradientClip(GRADIENT_CLIP_NORM);
    }

    /**
     * The early-exit network's loss: DeeDiff's terms with self-distillation of the deepest exit
     * into the shallow ones, weight {@link #DISTILLATION_WEIGHT}.
     */
    public static LossSettings defaultLoss() {
        return LossSettings.DEFAULT.withDistillation(DISTILLATION_WEIGHT);
    }

    /** A trained model and, for the early-exit network, its training report and search (null otherwise). */
    public record Trained(Forecaster forecaster, TrainingReport report, SearchLog search) {
        public Trained(Forecaster forecaster, TrainingReport report) {
            this(forecaster, report, null);
        }
    }

    /** At the reference sampling, with a {@code TUNE_HORIZON}-step risk horizon. */
    public static Trained train(
            String type, double[][][] train, double[][][] validation, long seed, ProgressListener listener) {
        return train(type, train, validation, seed, REFERENCE_POINTS_PER_PERIOD, listener, TUNE_HORIZON);
    }

    /** For data sampled at {@code pointsPerPeriod}, with a {@code TUNE_HORIZON}-step risk horizon. */
    public static Trained train(
            String type, double[][][] train, double[][][] validation, long seed, double pointsPerPeriod, ProgressListener listener) {
        return train(type, train, validation, seed, pointsPerPeriod, listener, TUNE_HORIZON);
    }

    /** {@link #train(String, double[][][], double[][][], long, double, ProgressListener, int)} at the reference sampling. */
    public static Trained train(
            String type, double[][][] train, double[][][] validation, long seed, ProgressListener listener, int riskHorizonSteps) {
        return train(type, train, validation, seed, REFERENCE_POINTS_PER_PERIOD, listener, riskHorizonSteps);
    }

    /**
     * Trains a model of {@code type} with its defaults for data sampled at {@code pointsPerPeriod}
     * and, for the early-exit network, fits its exit router and calibrates the threshold on the
     * validation split by Learn-then-Test (ε 5 %, confidence 90 %, loss measured on rollouts of
     * {@code riskHorizonSteps}, about one Lyapunov time).
     *
     * @throws IllegalArgumentException for an unknown type, naming the known ones
     */
    public static Trained train(
            String type,
            double[][][] train,
            double[][][] validation,
            long seed,
            double pointsPerPeriod,
            ProgressListener listener,
            int riskHorizonSteps) {
        int d = train[0][0].length;
        ModelType t = ModelType.find(type).orElseThrow(
                () -> new IllegalArgumentException("type must be one of " + TYPES + ", found '" + type + "'"));
        switch (t) {
            case EARLY_EXIT -> {
                var outcome = EarlyExitTrainer.train(
                        train, validation, defaultArchitecture(d, pointsPerPeriod), defaultLoss(), defaultTraining(seed),
                        listener == null ? p -> {} : listener);
                var calibrated = RiskCalibrator.calibrate(
                        outcome.forecaster(), train, validation, riskHorizonSteps, RISK_WINDOWS);
                return new Trained(calibrated, outcome.report(), outcome.search());
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
