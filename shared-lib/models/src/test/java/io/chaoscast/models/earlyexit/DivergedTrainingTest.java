package io.chaoscast.models.earlyexit;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.models.TinyLorenz;
import io.chaoscast.models.policy.ExitPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A training whose weights turn non-finite stops at that epoch and keeps the best weights before
 * it. The weights are poisoned through a checkpoint, the one way in from outside that is
 * deterministic: a training resumed from it diverges in its first epoch.
 */
class DivergedTrainingTest {

    private static final TrainingSettings SIX_EPOCHS = TinyLorenz.TRAINING.withEpochs(6);

    /** Keeps the latest state, and the state after epoch 2 with its current weights set to NaN. */
    private static class PoisoningStore implements CheckpointStore {
        byte[] state;

        @Override
        public byte[] latest() {
            return state;
        }

        @Override
        public void save(int epoch, byte[] s) {
            state = epoch == 2 ? poisoned(s) : s;
        }
    }

    /**
     * The checkpoint with every value of its current weights replaced by NaN (the kept best weights,
     * the optimizer state and the history untouched). The layout is {@link Checkpoint#write}'s.
     */
    static byte[] poisoned(byte[] checkpoint) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(checkpoint))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(in.readNBytes(4 + 4 + 1 + 1 + 4 + 8 + 4 + 8)); // format .. elapsed
            int parameters = in.readInt();
            out.writeInt(parameters);
            for (int i = 0; i < parameters; i++) {
                out.writeUTF(in.readUTF());
                int n = in.readInt();
                out.writeInt(n);
                for (int k = 0; k < n; k++) {
                    in.readFloat();
                    out.writeFloat(Float.NaN);
                }
            }
            out.write(in.readAllBytes());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void trainingStopsAtTheFirstNonFiniteEpochAndKeepsTheBestWeightsBeforeIt() {
        List<EpochProgress> seen = new ArrayList<>();
        PoisoningStore store = new PoisoningStore();
        // Two epochs, saved as poisoned, then the run "restarts" from them.
        EarlyExitTrainer.train(
                        TinyLorenz.splits().train(), TinyLorenz.splits().validation(), TinyLorenz.ARCH, LossSettings.DEFAULT,
                        SIX_EPOCHS.withEpochs(2), ProgressListener.NONE, store)
                .forecaster()
                .close();
        var outcome = EarlyExitTrainer.train(
                TinyLorenz.splits().train(), TinyLorenz.splits().validation(), TinyLorenz.ARCH, LossSettings.DEFAULT, SIX_EPOCHS,
                seen::add, store);
        try (var forecaster = outcome.forecaster()) {
            TrainingReport report = outcome.report();
            assertThat(report.epochs()).as("epochs 1-2 restored, epoch 3 diverged, nothing after it").hasSize(3);
            assertThat(report.epochs().get(2).finite()).isFalse();
            assertThat(report.divergedEpoch()).isEqualTo(3);
            assertThat(report.stoppedEarly()).isTrue();
            assertThat(report.bestEpoch()).isBetween(1, 2);
            assertThat(seen).extracting(EpochProgress::epoch).containsExactly(1, 2, 3);
            double[][][] forecast =
                    forecaster.forecast(TinyLorenz.contexts(4, TinyLorenz.ARCH.contextLength()), 4, ExitPolicy.full()).forecasts();
            for (double[][] f : forecast) {
                for (double[] step : f) {
                    for (double v : step) {
                        assertThat(v).as("the kept weights are the finite best ones").isFinite();
                    }
                }
            }
        }
    }

    @Test
    void aCheckpointWhoseHistoryAlreadyDivergedIsNotTrainedFurther() {
        // As a build that kept training after a non-finite epoch would have left it: epoch 3
        // non-finite, and the checkpoint neither done nor stopped early.
        PoisoningStore store = new PoisoningStore() {
            @Override
            public void save(int epoch, byte[] s) {
                if (epoch == 3) {
                    s = s.clone();
                    s[8] = 0; // done (after the format and epoch ints)
                    s[9] = 0; // stoppedEarly
                }
                super.save(epoch, s);
            }
        };
        EarlyExitTrainer.train(
                        TinyLorenz.splits().train(), TinyLorenz.splits().validation(), TinyLorenz.ARCH, LossSettings.DEFAULT,
                        SIX_EPOCHS.withEpochs(2), ProgressListener.NONE, store)
                .forecaster()
                .close();
        EarlyExitTrainer.train(
                        TinyLorenz.splits().train(), TinyLorenz.splits().validation(), TinyLorenz.ARCH, LossSettings.DEFAULT, SIX_EPOCHS,
                        ProgressListener.NONE, store)
                .forecaster()
                .close();
        List<EpochProgress> seen = new ArrayList<>();
        var outcome = EarlyExitTrainer.train(
                TinyLorenz.splits().train(), TinyLorenz.splits().validation(), TinyLorenz.ARCH, LossSettings.DEFAULT, SIX_EPOCHS,
                seen::add, store);
        outcome.forecaster().close();
        assertThat(seen).extracting(EpochProgress::epoch).as("only the checkpoint's epochs, none trained").containsExactly(1, 2, 3);
        assertThat(outcome.report().divergedEpoch()).isEqualTo(3);
        assertThat(outcome.report().stoppedEarly()).isTrue();
    }

    @Test
    void aTrainingWithFiniteLossesReportsNoDivergence() {
        var outcome = EarlyExitTrainer.train(
                TinyLorenz.splits().train(), TinyLorenz.splits().validation(), TinyLorenz.ARCH, LossSettings.DEFAULT,
                TinyLorenz.TRAINING, ProgressListener.NONE);
        outcome.forecaster().close();
        assertThat(outcome.report().divergedEpoch()).isZero();
        assertThat(outcome.report().epochs()).allMatch(EpochProgress::finite);
    }
}
