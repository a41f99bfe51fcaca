-- One row per normalised recipe. The bytes live in a file cache keyed by id; the row is the truth.
CREATE TABLE datasets.dataset (
    id                varchar(64)      PRIMARY KEY,          -- SHA-256 hex of the canonical recipe JSON
    system            varchar(100)     NOT NULL,
    recipe            text             NOT NULL,             -- canonical JSON, exactly as hashed
    status            varchar(16)      NOT NULL CHECK (status IN ('generating', 'ready', 'failed')),
    progress          double precision NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
    trajectories      integer          NOT NULL CHECK (trajectories > 0),
    length            integer          NOT NULL CHECK (length > 0),
    dimension         integer          NOT NULL CHECK (dimension > 0),
    sampling_interval double precision NOT NULL,
    checksum          char(64),                              -- SHA-256 hex of the data bytes (no NPY header)
    size_bytes        bigint,
    standardization   text,                                  -- JSON {mean: [...], std: [...]} or null
    failure_reason    text,
    attempts          integer          NOT NULL DEFAULT 1,   -- generations started (first + resumes)
    created_at        timestamptz      NOT NULL DEFAULT now(),
    updated_at        timestamptz      NOT NULL DEFAULT now(), -- heartbeat while generating
    completed_at      timestamptz,
    CHECK (status <> 'ready' OR checksum IS NOT NULL),
    CHECK (status <> 'failed' OR failure_reason IS NOT NULL)
);

CREATE INDEX dataset_created_idx ON datasets.dataset (created_at DESC, id);
CREATE INDEX dataset_generating_idx ON datasets.dataset (updated_at) WHERE status = 'generating';
