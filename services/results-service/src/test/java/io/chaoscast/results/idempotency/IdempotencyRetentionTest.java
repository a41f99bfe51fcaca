package io.chaoscast.results.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.results.ResultsServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdempotencyRetentionTest extends ResultsServiceTest {

    @Autowired
    IdempotentWrites idempotentWrites;

    @Test
    void keysOlderThanTheRetentionAreForgotten() {
        String old = unique("old");
        String fresh = unique("fresh");
        jdbc.update("""
                INSERT INTO results.idempotency_keys (scope, key, fingerprint, status_code, response_body, created_at)
                VALUES ('test', ?, 'f', 201, '{}', now() - interval '25 hours'), ('test', ?, 'f', 201, '{}', now())""",
                old, fresh);
        idempotentWrites.forgetOldKeys();
        assertThat(jdbc.queryForList("SELECT key FROM results.idempotency_keys WHERE scope = 'test'", String.class))
                .contains(fresh)
                .doesNotContain(old);
    }
}
