-- A metric has one value per (run, key, step): a job that redoes an epoch after a crash, or a
-- client that retries a batch under a new idempotency key, writes the same step again, and that
-- must replace the point, not add a second one. Earlier duplicates are collapsed to the last
-- written (highest ts, then physical order) before the index becomes unique.
DELETE FROM results.metrics
 WHERE ctid IN (SELECT ctid
                  FROM (SELECT ctid, row_number() OVER (PARTITION BY run_id, key, step ORDER BY ts DESC, ctid DESC) AS rn
                          FROM results.metrics) d
                 WHERE d.rn > 1);

DROP INDEX results.metrics_run_key_step;
CREATE UNIQUE INDEX metrics_run_key_step ON results.metrics (run_id, key, step);
