-- results-service owns the `results` schema; no other service writes here.

CREATE TABLE results.experiments (
    id          uuid PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE results.runs (
    id             uuid PRIMARY KEY,
    experiment_id  uuid NOT NULL REFERENCES results.experiments (id),
    name           text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('training', 'evaluation', 'inference', 'benchmark')),
    status         text NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'cancelled')),
    system_name    text,
    dataset_id     text,
    model_type     text,
    start_time     timestamptz NOT NULL,
    end_time       timestamptz,
    failure_reason text,
    provenance     jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX runs_experiment_start ON results.runs (experiment_id, start_time DESC);
CREATE INDEX runs_start ON results.runs (start_time DESC);
CREATE INDEX runs_system_model ON results.runs (system_name, model_type);

CREATE TABLE results.run_params (
    run_id uuid NOT NULL REFERENCES results.runs (id) ON DELETE CASCADE,
    key    text NOT NULL,
    value  text NOT NULL,
    PRIMARY KEY (run_id, key)
);

CREATE TABLE results.run_tags (
    run_id uuid NOT NULL REFERENCES results.runs (id) ON DELETE CASCADE,
    key    text NOT NULL,
    value  text NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE INDEX run_tags_key_value ON results.run_tags (key, value);

-- The full history of every metric. No foreign key on purpose: a batch is written with COPY, and
-- the run is checked (and share-locked against a concurrent finish) once per batch instead of
-- once per row. Duplicate (run, key, step) points are kept, like any logger would. Keys use the
-- "C" collation: the index compares them bytewise instead of through the locale, which is cheaper
-- for every row a batch inserts, and metric names have no linguistic order anyway.
CREATE TABLE results.metrics (
    run_id uuid             NOT NULL,
    key    text COLLATE "C" NOT NULL,
    step   bigint           NOT NULL,
    value  double precision NOT NULL,
    ts     timestamptz      NOT NULL
);
CREATE INDEX metrics_run_key_step ON results.metrics (run_id, key, step);

-- The value at the highest step of every metric of every run, kept up to date with each batch, so
-- that run pages, metric sorts and leaderboards never scan histories.
CREATE TABLE results.metric_latest (
    run_id uuid             NOT NULL REFERENCES results.runs (id) ON DELETE CASCADE,
    key    text COLLATE "C" NOT NULL,
    step   bigint           NOT NULL,
    value  double precision NOT NULL,
    ts     timestamptz      NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE INDEX metric_latest_key_value ON results.metric_latest (key, value);

-- Artifact bytes live in PostgreSQL large objects (content_oid): written and read in chunks, so
-- neither the service nor the database holds a whole artifact in memory, and created inside the
-- upload's transaction, so an aborted upload leaves nothing behind.
CREATE TABLE results.artifacts (
    run_id       uuid        NOT NULL REFERENCES results.runs (id),
    name         text        NOT NULL,
    sha256       char(64)    NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes >= 0),
    content_type text        NOT NULL,
    content_oid  oid         NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, name)
);

-- One row per model name holding its last version: bumping it with an upsert serialises
-- concurrent registrations of the same name without gaps or duplicates.
CREATE TABLE results.model_names (
    name           text PRIMARY KEY,
    latest_version integer NOT NULL
);

CREATE TABLE results.models (
    id            uuid PRIMARY KEY,
    name          text        NOT NULL REFERENCES results.model_names (name),
    version       integer     NOT NULL,
    run_id        uuid        NOT NULL,
    artifact_name text        NOT NULL,
    spec          jsonb       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (name, version),
    FOREIGN KEY (run_id, artifact_name) REFERENCES results.artifacts (run_id, name)
);
CREATE INDEX models_created ON results.models (created_at DESC);

-- Writes carrying an Idempotency-Key: the first one stores its answer here in the same
-- transaction as the write; a retry finds the row and gets the same answer back.
CREATE TABLE results.idempotency_keys (
    scope         text        NOT NULL,
    key           text        NOT NULL,
    fingerprint   text        NOT NULL,
    status_code   integer     NOT NULL,
    response_body text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON results.idempotency_keys (created_at);
