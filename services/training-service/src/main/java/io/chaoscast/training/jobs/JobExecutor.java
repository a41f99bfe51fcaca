package io.chaoscast.training.jobs;

/** Does the work of one claimed job. Implementations report progress through the context. */
public interface JobExecutor {

    /**
     * Runs the job to completion.
     *
     * @return the registered model id, or null when the job registers none
     * @throws JobCancelledException when the context reports cancellation
     * @throws Exception anything else fails the job with its message as the reason
     */
    String execute(TrainingJob job, JobContext context) throws Exception;
}
