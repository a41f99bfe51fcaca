-- Benchmarks: a study of systems x models x seeds under one protocol. The record and every cell's
-- state live here; the training-service's driver does the work and reports back, so a restart of
-- either service loses nothing (docs/benchmarks.md).
CREATE TABLE results.benchmarks (
    id           uuid PRIMARY KEY,
    name         text        NOT NULL,
    protocol     jsonb       NOT NULL,
    systems      jsonb       NOT NULL, -- the resolved systems with their invariants at creation
    models       jsonb       NOT NULL,
    seeds        jsonb       NOT NULL,
    cancelled    boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE results.benchmark_cells (
    benchmark_id   uuid        NOT NULL REFERENCES results.benchmarks (id) ON DELETE CASCADE,
    cell_key       text        NOT NULL,
    ordinal        int         NOT NULL,
    system         text        NOT NULL,
    model_type     text        NOT NULL,
    model          jsonb       NOT NULL,
    seed           bigint      NOT NULL,
    state          text        NOT NULL DEFAULT 'pending',
    dataset_id     text,
    job_id         uuid,
    run_id         uuid,
    failure_reason text,
    started_at     timestamptz,
    finished_at    timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (benchmark_id, cell_key)
);

CREATE INDEX benchmark_cells_open ON results.benchmark_cells (benchmark_id, ordinal)
    WHERE state IN ('pending', 'queued', 'running');
