-- The latest state of a job's training, replaced after every epoch: a job taken up again after its
-- worker died resumes after that epoch instead of from the start.
CREATE TABLE training.checkpoints (
    job_id     uuid        PRIMARY KEY REFERENCES training.jobs (id) ON DELETE CASCADE,
    epoch      integer     NOT NULL CHECK (epoch >= 1),
    state      bytea       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- What a finished training produced (the model artifact and its final metrics), kept here until
-- the results-service has stored all of it: an outage of the results-service, or a crash during
-- the upload, delays the job but loses nothing. model_id is set once the model is registered;
-- the bytes are dropped once the run is closed.
CREATE TABLE training.outbox (
    job_id       uuid        PRIMARY KEY REFERENCES training.jobs (id) ON DELETE CASCADE,
    run_id       uuid        NOT NULL,
    model_name   text        NOT NULL,
    artifact     bytea,
    metrics      jsonb       NOT NULL,
    model_id     text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz
);

-- A job whose run at the results-service is still open although the job ended (failed or
-- cancelled while the results-service was unreachable): workers close such runs when it answers
-- again, so no run stays 'running' after its job.
ALTER TABLE training.jobs ADD COLUMN run_closed boolean NOT NULL DEFAULT false;
UPDATE training.jobs SET run_closed = true WHERE status IN ('succeeded', 'failed', 'cancelled');
CREATE INDEX jobs_run_open_idx ON training.jobs (finished_at) WHERE NOT run_closed AND status IN ('succeeded', 'failed', 'cancelled');
