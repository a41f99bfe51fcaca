package io.chaoscast.models;

import io.chaoscast.models.data.LorenzData;
import io.chaoscast.models.data.Splits;
import io.chaoscast.models.earlyexit.EarlyExitArchitecture;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.earlyexit.EarlyExitTrainer;
import io.chaoscast.models.earlyexit.LossSettings;
import io.chaoscast.models.earlyexit.ProgressListener;
import io.chaoscast.models.earlyexit.TrainingSettings;
import java.util.Arrays;

/** Tiny Lorenz data and a tiny early-exit network trained for two epochs: the test fixtures. */
public final class TinyLorenz {

    public static final EarlyExitArchitecture ARCH = new EarlyExitArchitecture(8, 3, 4, 16, 3, 2, 8, true);
    public static final TrainingSettings TRAINING = new TrainingSettings(2, 64, 3e-3, 5, 2, 11L, 0, 0.01);

    private static Splits splits;

    private TinyLorenz() {}

    /** Two trajectories of 1 500 points, split 70/15/15; the arrays are shared, do not mutate them. */
    public static synchronized Splits splits() {
        if (splits == null) {
            double[][][] data = LorenzData.trajectories(LorenzData.lorenz(), 2, 1500, 100, 5L);
            splits = Splits.inTime(data, 0.7, 0.15);
        }
        return splits;
    }

    /** A freshly trained tiny network; close it. */
    public static EarlyExitForecaster trainNetwork() {
        return EarlyExitTrainer.train(
                        splits().train(), splits().validation(), ARCH, LossSettings.DEFAULT, TRAINING, ProgressListener.NONE)
                .forecaster();
    }

    /** {@code count} contexts of {@code length} states cut from the test split. */
    public static double[][][] contexts(int count, int length) {
        double[][][] test = splits().test();
        double[][][] out = new double[count][][];
        for (int i = 0; i < count; i++) {
            double[][] t = test[i % test.length];
            int start = (i * 7) % (t.length - length);
            out[i] = Arrays.copyOfRange(t, start, start + length);
        }
        return out;
    }
}
