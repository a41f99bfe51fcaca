package io.chaoscast.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The {@code instance} of problems about requests refused for their very path. */
class ProblemsInstanceTest {

    @Test
    void aValidPathIsKeptAsTheClientSentIt() {
        assertThat(Problems.instance("/api/v1/dashboard/services/dataset/api/v1/%2e%2e/x"))
                .isEqualTo(URI.create("/api/v1/dashboard/services/dataset/api/v1/%2e%2e/x"));
    }

    /** Characters no URI may hold made the answer to a refused path fail itself. */
    @Test
    void aPathNoUriCanHoldIsQuotedNotAFailure() {
        String raw = "/api/v1/a b<c>{d}|^`[e]\\f\"g";
        URI instance = Problems.instance(raw);
        assertThat(instance).isNotNull();
        assertThat(instance.getPath()).isEqualTo(raw);
        assertThat(instance.toString()).doesNotContain(" ", "<", ">", "{", "\"");
    }
}
