-- Every metric point a running job logged, kept until its run is closed: the live path to the
-- results-service is best effort, and a job that fails or is cancelled has no outbox entry to
-- deliver its points with, so whatever closes such a run (the job's worker, or the sweeper once
-- the results-service answers again) sends these first. One row per (job, key, step), as the
-- results-service keeps one point per (run, key, step): a resumed job that reports its
-- checkpointed epochs again adds nothing.
CREATE TABLE training.metric_journal (
    job_id    uuid             NOT NULL REFERENCES training.jobs (id) ON DELETE CASCADE,
    key       text             NOT NULL,
    step      bigint           NOT NULL,
    value     double precision NOT NULL,
    logged_at timestamptz      NOT NULL,
    PRIMARY KEY (job_id, key, step)
);
