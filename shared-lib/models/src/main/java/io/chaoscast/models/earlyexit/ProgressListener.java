package io.chaoscast.models.earlyexit;

/** Receives one report per epoch, on the training thread; keep it quick. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> {};

    void onEpoch(EpochProgress progress);

    /**
     * Called once before the first epoch (and before the epochs a resumed training reports again)
     * with the seconds the training spent getting ready: the base model's library search and fit,
     * the windows, the network. The first epoch's {@link EpochProgress#elapsedSeconds()} includes
     * them, so a time per epoch taken from it alone would be too long by this much.
     */
    default void onSetUp(double seconds) {}
}
