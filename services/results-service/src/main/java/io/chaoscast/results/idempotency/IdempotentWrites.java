package io.chaoscast.results.idempotency;

import io.chaoscast.results.web.ResultsError;
import io.chaoscast.web.json.StoredJson;
import io.chaoscast.web.problem.ApiException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a write in one transaction together with the record of its {@code Idempotency-Key}, so
 * that a retried request (same key, same scope) does not write twice but gets the original answer.
 *
 * <p>The key row is inserted first with {@code ON CONFLICT DO NOTHING}: a concurrent duplicate
 * waits on the first one's row lock, then finds it committed (and replays it) or rolled back (and
 * goes ahead itself). A failed write rolls its key back too, so it can be retried.
 */
@Component
public class IdempotentWrites {

    /** Header of the key. */
    public static final String HEADER = "Idempotency-Key";
    /** Answer header set to {@code true} on a replayed answer. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotentWrites.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final IdempotencyProperties properties;

    public IdempotentWrites(
            JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = StoredJson.mapper(json);
        this.properties = properties;
    }

    /**
     * Runs {@code write} in a transaction, once per {@code (scope, key)}.
     *
     * @param scope what the key is for, e.g. {@code POST /api/v1/runs/{id}/metrics} with the id
     * @param key the client's key, or null to just run the write
     * @param fingerprint a digest of the request; the same key with another fingerprint is a 422
     * @param type the answer body's type, to read a stored answer back
     */
    public <T> ResponseEntity<T> run(
            String scope, String key, String fingerprint, Class<T> type, Supplier<ResponseEntity<T>> write) {
        if (key != null) {
            checkKey(key);
        }
        ResponseEntity<T> result = tx.execute(status -> {
            if (key == null) {
                return write.get();
            }
            int inserted = jdbc.sql("""
                            INSERT INTO results.idempotency_keys (scope, key, fingerprint, status_code, response_body)
                            VALUES (?, ?, ?, 0, '') ON CONFLICT (scope, key) DO NOTHING""")
                    .params(scope, key, fingerprint)
                    .update();
            if (inserted == 0) {
                return replay(scope, key, fingerprint, type);
            }
            ResponseEntity<T> answer = write.get();
            jdbc.sql("UPDATE results.idempotency_keys SET status_code = ?, response_body = ? WHERE scope = ? AND key = ?")
                    .params(answer.getStatusCode().value(), json.writeValueAsString(answer.getBody()), scope, key)
                    .update();
            return answer;
        });
        return result;
    }

    private <T> ResponseEntity<T> replay(String scope, String key, String fingerprint, Class<T> type) {
        record Stored(String fingerprint, int statusCode, String responseBody) {}
        Stored stored = jdbc.sql("""
                        SELECT fingerprint, status_code, response_body FROM results.idempotency_keys
                        WHERE scope = ? AND key = ?""")
                .params(scope, key)
                .query(Stored.class)
                .single();
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new ApiException(
                    ResultsError.IDEMPOTENCY_KEY_REUSED,
                    HEADER,
                    "Idempotency-Key '" + key + "' was already used for a different request to " + scope
                            + "; use a new key for a new request");
        }
        return ResponseEntity.status(HttpStatus.valueOf(stored.statusCode()))
                .header(REPLAYED_HEADER, "true")
                .body(json.readValue(stored.responseBody(), type));
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiException.invalidValue(
                    HEADER, "must be 1 to 255 visible ASCII characters (a UUID is a good choice), found '" + key + "'");
        }
    }

    /** Forgets keys older than the retention, so that the table does not grow without end. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void forgetOldKeys() {
        int n = jdbc.sql("DELETE FROM results.idempotency_keys WHERE created_at < now() - ? * interval '1 second'")
                .param(properties.retention().toSeconds())
                .update();
        if (n > 0) {
            log.info("forgot {} idempotency keys older than {}", n, properties.retention());
        }
    }
}
