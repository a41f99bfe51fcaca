package io.chaoscast.models.earlyexit;

import java.util.List;

/**
 * @param epochs every epoch's progress, in order
 * @param bestEpoch the epoch whose weights were kept (lowest validation forecast loss)
 * @param stoppedEarly whether patience, the time budget or a non-finite loss ended training before
 *     {@code epochs}
 * @param trainWindows number of training windows
 * @param elapsedSeconds wall-clock training time
 */
public record TrainingReport(
        List<EpochProgress> epochs, int bestEpoch, boolean stoppedEarly, int trainWindows, double elapsedSeconds) {

    public TrainingReport {
        epochs = List.copyOf(epochs);
    }

    /**
     * The first epoch whose losses were no longer finite; 0 when none was. Training stops there,
     * so it is the last epoch, except in a history restored from a checkpoint of a build that kept
     * training after it.
     */
    public int divergedEpoch() {
        return epochs.stream().filter(e -> !e.finite()).mapToInt(EpochProgress::epoch).findFirst().orElse(0);
    }
}
