package io.chaoscast.models.earlyexit;

/** Receives one report per epoch, on the training thread; keep it quick. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> {};

    void onEpoch(EpochProgress progress);
}
