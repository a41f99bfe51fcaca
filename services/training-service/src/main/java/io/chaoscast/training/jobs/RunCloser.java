package io.chaoscast.training.jobs;

/** Closes the run of an ended job at the results-service, with the job's outcome. */
@FunctionalInterface
public interface RunCloser {

    /** For workers without a results-service (tests of the queue alone). */
    RunCloser NONE = job -> {};

    /**
     * Closes the job's run, or does nothing when it is closed already.
     *
     * @throws RuntimeException when the results-service could not be reached; the job is tried again later
     */
    void close(TrainingJob job);
}
