package io.chaoscast.models.earlyexit;

/**
 * Where {@link EarlyExitTrainer} keeps the state of a run at the end of every epoch, so that a
 * training interrupted by a crash resumes from its last finished epoch instead of from the start.
 * The trainer treats the state as opaque bytes; a store only has to keep the latest one durably.
 */
public interface CheckpointStore {

    /** Keeps nothing: every training starts from the beginning. */
    CheckpointStore NONE = new CheckpointStore() {
        @Override
        public byte[] latest() {
            return null;
        }

        @Override
        public void save(int epoch, byte[] state) {}
    };

    /** The state saved last, or null when training has not finished an epoch yet. */
    byte[] latest();

    /**
     * Replaces the saved state with the one after {@code epoch}; must be durable when it returns
     * (the trainer reports the epoch only afterwards).
     */
    void save(int epoch, byte[] state);
}
