package io.chaoscast.results.metrics;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes a batch with PostgreSQL's binary {@code COPY} (pgjdbc's CopyManager underneath): one
 * round trip per 64 KiB, no per-row statement, no text formatting or parsing of numbers and
 * times. Then moves {@code metric_latest} forward per key. Runs in the caller's transaction, so
 * the batch is stored whole or not at all.
 *
 * <p>A step is stored once: {@code (run_id, key, step)} is unique, and a point at a step already
 * stored replaces it (a batch sent again, an epoch redone after a crash). The common case, new
 * steps only, is COPY'd straight into the history under a savepoint; only when that hits a stored
 * step (or the batch repeats a step itself) is the batch COPY'd into a session-local staging table
 * and merged with one {@code INSERT … SELECT … ON CONFLICT DO UPDATE}, about four times slower.
 */
@Component
class MetricWriter {

    private static final Logger log = LoggerFactory.getLogger(MetricWriter.class);

    /**
     * Temporary, so it costs no WAL and is private to the connection; emptied at every commit. The
     * {@code ord} column keeps arrival order for batches that repeat a step.
     */
    private static final String STAGING_SQL = "CREATE TEMP TABLE IF NOT EXISTS metrics_staging"
            + " (ord integer NOT NULL, run_id uuid NOT NULL, key text COLLATE \"C\" NOT NULL, step bigint NOT NULL,"
            + " value double precision NOT NULL, ts timestamptz NOT NULL) ON COMMIT DELETE ROWS";
    private static final String COPY_STAGING_SQL =
            "COPY metrics_staging (ord, run_id, key, step, value, ts) FROM STDIN (FORMAT binary)";
    private static final String COPY_DIRECT_SQL = "COPY results.metrics (run_id, key, step, value, ts) FROM STDIN (FORMAT binary)";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String MERGE_SQL = "INSERT INTO results.metrics AS m (run_id, key, step, value, ts)"
            + " SELECT run_id, key, step, value, ts FROM metrics_staging"
            + " ON CONFLICT (run_id, key, step) DO UPDATE SET value = excluded.value, ts = excluded.ts";
    /** The last point of a repeated step wins, as it would had it come in its own later batch. */
    private static final String MERGE_REPEATED_SQL = "INSERT INTO results.metrics AS m (run_id, key, step, value, ts)"
            + " SELECT DISTINCT ON (key, step) run_id, key, step, value, ts FROM metrics_staging ORDER BY key, step, ord DESC"
            + " ON CONFLICT (run_id, key, step) DO UPDATE SET value = excluded.value, ts = excluded.ts";
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** Microseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for binary timestamps. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    MetricWriter(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    void write(UUID runId, MetricBatch batch) {
        long t0 = System.nanoTime();
        boolean repeats = batch.repeatsAStep();
        if (repeats || !copyNewSteps(runId, batch)) {
            jdbc.execute(STAGING_SQL);
            copy(COPY_STAGING_SQL, runId, batch, true);
            jdbc.update(repeats ? MERGE_REPEATED_SQL : MERGE_SQL);
        }
        long t1 = System.nanoTime();
        updateLatest(runId, batch);
        if (log.isDebugEnabled()) {
            log.debug("run {}: COPY and merge of {} points {} ms, latest values {} ms", runId, batch.size(),
                    (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        }
    }

    /**
     * COPYs the batch straight into the history under a savepoint.
     *
     * @return false (with nothing written) when a step was stored already
     */
    private boolean copyNewSteps(UUID runId, MetricBatch batch) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                copy(COPY_DIRECT_SQL, runId, batch, false);
            } catch (DataAccessException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                connection.rollback(savepoint);
                return false;
            }
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            throw new UncategorizedSQLException("savepoint around the COPY of metrics", COPY_DIRECT_SQL, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void copy(String sql, UUID runId, MetricBatch batch, boolean withOrder) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        PGCopyOutputStream copy = null;
        try {
            copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(copy, 1 << 16));
            out.write(HEADER);
            out.writeInt(0); // flags
            out.writeInt(0); // header extension length
            long msb = runId.getMostSignificantBits();
            long lsb = runId.getLeastSignificantBits();
            Map<String, byte[]> encoded = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                byte[] key = encoded.computeIfAbsent(batch.keys[i], k -> k.getBytes(StandardCharsets.UTF_8));
                if (withOrder) {
                    out.writeShort(6);
                    out.writeInt(4);
                    out.writeInt(i);
                } else {
                    out.writeShort(5);
                }
                out.writeInt(16);
                out.writeLong(msb);
                out.writeLong(lsb);
                out.writeInt(key.length);
                out.write(key);
                out.writeInt(8);
                out.writeLong(batch.steps[i]);
                out.writeInt(8);
                out.writeDouble(batch.values[i]);
                out.writeInt(8);
                out.writeLong(batch.epochMicros[i] - PG_EPOCH_MICROS);
            }
            out.writeShort(-1);
            out.close(); // ends the COPY; the server checks every row here
            copy = null;
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("COPY of metrics failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new UncategorizedSQLException("COPY of metrics", sql, e);
        } finally {
            if (copy != null && copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the transaction is rolled back anyway
                }
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void updateLatest(UUID runId, MetricBatch batch) {
        List<Object[]> rows = new ArrayList<>();
        batch.latestIndexPerKey().forEach((key, i) -> rows.add(new Object[] {
            runId, key, batch.steps[i], batch.values[i],
            MetricBatch.instant(batch.epochMicros[i]).atOffset(ZoneOffset.UTC)
        }));
        // A later batch at the same step wins, like a later point of the same batch does.
        jdbc.batchUpdate("""
                        INSERT INTO results.metric_latest AS l (run_id, key, step, value, ts) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (run_id, key) DO UPDATE SET step = excluded.step, value = excluded.value, ts = excluded.ts
                        WHERE excluded.step >= l.step""", rows);
    }
}
