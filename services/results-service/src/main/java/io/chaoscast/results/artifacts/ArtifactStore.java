package io.chaoscast.results.artifacts;

import io.chaoscast.web.problem.ApiException;
import io.chaoscast.web.problem.CommonError;
import io.chaoscast.results.idempotency.Fingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Moves artifact bytes between HTTP streams and PostgreSQL large objects in 64 KiB chunks, so
 * that neither this service nor the database ever holds a whole artifact in memory.
 *
 * <p>Why large objects: they stream both ways through pgjdbc's {@link LargeObjectManager} without
 * the size being known in advance (a chunked upload has no Content-Length, which {@code bytea} via
 * {@code setBinaryStream} needs, and a {@code bytea} value is built whole in the server's memory);
 * they are created inside the upload's transaction, so an upload that is refused (413) or broken
 * off is rolled back with nothing left behind; and the bytes stay in the one database that is
 * already backed up and shared by every replica, unlike a file store on one node's disk.
 *
 * <p>{@link #write} must be called inside a transaction: large objects need one. {@link #read} must
 * not: it reads chunk by chunk in short statements of its own.
 */
@Component
class ArtifactStore {

    private static final int CHUNK = 1 << 16;
    static final int READ_CHUNK = 1 << 20;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    ArtifactStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** What was written: the large object, its size and its SHA-256. */
    record Written(long oid, long size, String sha256) {}

    /**
     * Copies {@code in} into a new large object, hashing as it goes.
     *
     * @throws ApiException 413 once more than {@code maxBytes} arrived (the caller's transaction
     *     rollback then removes the partial object)
     */
    Written write(InputStream in, long maxBytes) {
        MessageDigest sha = Fingerprint.sha256();
        try {
            LargeObjectManager lom = manager();
            long oid = lom.createLO(LargeObjectManager.READWRITE);
            LargeObject lo = lom.open(oid, LargeObjectManager.WRITE);
            try {
                byte[] buf = new byte[CHUNK];
                long size = 0;
                int n;
                while ((n = readFully(in, buf)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new ApiException(CommonError.PAYLOAD_TOO_LARGE, "body",
                                "an artifact must be at most " + maxBytes + " bytes, found more");
                    }
                    sha.update(buf, 0, n);
                    lo.write(buf, 0, n);
                }
                return new Written(oid, size, Fingerprint.hex(sha));
            } finally {
                lo.close();
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("write artifact", null, e);
        } catch (IOException e) {
            // The client went away mid-upload: nothing is kept (the transaction rolls back).
            throw new ApiException(CommonError.MALFORMED_BODY, "body", "the upload broke off: " + e.getMessage());
        }
    }

    /**
     * Copies the large object {@code oid} of {@code size} bytes to {@code out} in {@value
     * #READ_CHUNK}-byte chunks, each read by its own short statement outside any transaction: the
     * pooled connection goes back to the pool between chunks, so a slow download never holds one.
     * Artifacts are immutable, so the chunks need no common snapshot.
     */
    void read(long oid, long size, OutputStream out) throws IOException {
        for (long offset = 0; offset < size; offset += READ_CHUNK) {
            int length = (int) Math.min(READ_CHUNK, size - offset);
            byte[] chunk = jdbc.queryForObject("SELECT lo_get(?::oid, ?, ?)", byte[].class, oid, offset, length);
            if (chunk == null || chunk.length == 0) {
                throw new IllegalStateException("large object " + oid + " ended at " + offset + " of " + size + " bytes");
            }
            out.write(chunk);
        }
    }

    private LargeObjectManager manager() throws SQLException {
        Connection c = DataSourceUtils.getConnection(dataSource);
        return c.unwrap(PGConnection.class).getLargeObjectAPI();
    }

    private static int readFully(InputStream in, byte[] buf) throws IOException {
        int total = 0;
        while (total < buf.length) {
            int n = in.read(buf, total, buf.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
