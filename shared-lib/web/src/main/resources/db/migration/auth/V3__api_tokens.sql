-- API tokens shared by every service of one installation (schema "auth", run by each service that
-- has a database; see docs/security.md). Only the SHA-256 of a token is kept.
CREATE TABLE api_tokens (
    id           uuid PRIMARY KEY,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   char(64)    NOT NULL UNIQUE,
    scopes       text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
