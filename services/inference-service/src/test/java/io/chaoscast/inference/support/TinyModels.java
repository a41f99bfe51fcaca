package io.chaoscast.inference.support;

import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.integration.FlowSampler;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.systems.Flow;
import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.baselines.Nvar;
import io.chaoscast.models.data.Splits;
import io.chaoscast.models.earlyexit.EarlyExitArchitecture;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.earlyexit.EarlyExitTrainer;
import io.chaoscast.models.earlyexit.LossSettings;
import io.chaoscast.models.earlyexit.ProgressListener;
import io.chaoscast.models.earlyexit.RiskCalibrator;
import io.chaoscast.models.earlyexit.ThresholdCalibrator;
import io.chaoscast.models.earlyexit.TrainingSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Real models for the tests: Lorenz trajectories integrated with {@link FlowSampler}, a tiny
 * early-exit network trained for two epochs and calibrated, the same network on an NVAR base, and
 * an NVAR baseline, each saved in the models library's artifact format. Built once per JVM.
 */
public final class TinyModels {

    public static final EarlyExitArchitecture ARCH = new EarlyExitArchitecture(8, 3, 4, 16, 3, 2, 8, false);
    public static final TrainingSettings TRAINING = new TrainingSettings(2, 64, 3e-3, 5, 2, 11L, 0, 0.01);

    private static TinyModels instance;

    public final Splits splits;
    public final byte[] earlyExit;
    /** The same network with an exit router and a forecast-level (Learn-then-Test) calibration. */
    public final byte[] riskCalibrated;
    public final byte[] nvar;
    /**
     * The same tiny network as a residual corrector of an NVAR base model (the default
     * architecture's {@code base}), uncalibrated: fed back its own overflowed forecast, its base
     * rollout used to refuse the whole batch.
     */
    public final byte[] residual;

    private TinyModels() {
        splits = Splits.inTime(lorenz(2, 1500, 5L), 0.7, 0.15);
        try (EarlyExitForecaster trained = EarlyExitTrainer.train(
                        splits.train(),
                        splits.validation(),
                        ARCH,
                        LossSettings.DEFAULT,
                        TRAINING,
                        ProgressListener.NONE)
                .forecaster()) {
            EarlyExitForecaster calibrated = ThresholdCalibrator.calibrate(
                    trained, splits.validation(), ThresholdCalibrator.DEFAULT_TOLERANCE, ARCH.horizon());
            earlyExit = ModelArtifacts.toBytes(calibrated);
            riskCalibrated = ModelArtifacts.toBytes(
                    RiskCalibrator.calibrate(trained, splits.train(), splits.validation(), 8, 100));
        }
        nvar = ModelArtifacts.toBytes(Nvar.fit(splits.train(), 2, 1, 1e-6));
        try (EarlyExitForecaster trained = EarlyExitTrainer.train(
                        splits.train(),
                        splits.validation(),
                        ARCH.withBase(EarlyExitArchitecture.BASE_NVAR),
                        LossSettings.DEFAULT,
                        TRAINING,
                        ProgressListener.NONE)
                .forecaster()) {
            residual = ModelArtifacts.toBytes(trained);
        }
    }

    public static synchronized TinyModels get() {
        if (instance == null) {
            instance = new TinyModels();
        }
        return instance;
    }

    /** Lorenz trajectories at 100 points per period, from seeded perturbations, after a transient. */
    public static double[][][] lorenz(int count, int length, long seed) {
        Flow lorenz = (Flow) SystemCatalog.standard().find("Lorenz").orElseThrow();
        double dt = lorenz.period() / 100;
        FlowSampler sampler = new FlowSampler(IntegrationSettings.DEFAULT);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        double[][][] out = new double[count][length][];
        for (int i = 0; i < count; i++) {
            double[] y0 = lorenz.defaultInitialCondition().clone();
            for (int j = 0; j < y0.length; j++) {
                y0[j] += rng.nextDouble(-1, 1);
            }
            double[][] traj = out[i];
            sampler.sample(
                    lorenz, lorenz.defaultParameters(), y0, 0, 20 * lorenz.period(), dt, length, (k, y) -> traj[k] =
                            y.clone());
        }
        return out;
    }

    /** {@code count} contexts of {@code length} states cut from the test split. */
    public double[][][] contexts(int count, int length) {
        double[][][] test = splits.test();
        double[][][] out = new double[count][][];
        for (int i = 0; i < count; i++) {
            double[][] t = test[i % test.length];
            int start = (i * 7) % (t.length - length);
            out[i] = Arrays.copyOfRange(t, start, start + length);
        }
        return out;
    }

    /** An artifact whose spec.json claims a format version no build reads. */
    public static byte[] futureFormatArtifact() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("spec.json"));
            zip.write("{\"formatVersion\": 99, \"type\": \"early-exit\", \"spec\": {}}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
