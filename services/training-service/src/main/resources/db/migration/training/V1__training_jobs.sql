-- Training jobs and their queue. Workers claim rows with FOR UPDATE SKIP LOCKED under a lease
-- that they renew by heartbeat; a lease that runs out means the worker died.
CREATE TABLE training.jobs (
    id               uuid PRIMARY KEY,
    status           text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    dataset_id       text        NOT NULL,
    experiment       text        NOT NULL,
    model_type       text        NOT NULL,
    request          jsonb       NOT NULL,
    run_id           uuid,
    model_id         text,
    epoch            integer,
    epochs           integer,
    train_loss       double precision,
    val_loss         double precision,
    eta_seconds      double precision,
    message          text,
    failure_reason   text,
    attempts         integer     NOT NULL DEFAULT 0,
    max_attempts     integer     NOT NULL,
    lease_owner      text,
    lease_expires_at timestamptz,
    cancel_requested boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- The claim query scans queued jobs oldest first and running jobs by lease expiry.
CREATE INDEX jobs_queued_idx ON training.jobs (created_at) WHERE status = 'queued';
CREATE INDEX jobs_running_lease_idx ON training.jobs (lease_expires_at) WHERE status = 'running';
CREATE INDEX jobs_created_idx ON training.jobs (created_at DESC);
