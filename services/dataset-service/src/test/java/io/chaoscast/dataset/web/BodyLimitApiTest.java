package io.chaoscast.dataset.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.testsupport.TestTokens;
import io.chaoscast.dataset.ApiTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The shared request-body limit (16 MB by default) on a service that sets none of its own. */
class BodyLimitApiTest extends ApiTest {

    private static final int LIMIT = 16 * 1024 * 1024;

    /** A JSON string just over the limit: the server reads it up to the limit and refuses the rest. */
    private static byte[] overLimit() {
        byte[] body = new byte[LIMIT + 16];
        Arrays.fill(body, (byte) 'x');
        body[0] = '"';
        body[body.length - 1] = '"';
        return body;
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return HTTP.send(TestTokens.request(uri("/api/v1/datasets"))
                        .header("Content-Type", "application/json")
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertTooLarge(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = json(r);
        assertThat(p.path("code").asString()).isEqualTo("payload-too-large");
        assertThat(p.path("detail").asString()).contains(String.valueOf(LIMIT));
    }

    @Test
    void bodyDeclaredOverTheLimitIsRefused413BeforeItIsRead() throws Exception {
        assertTooLarge(post(HttpRequest.BodyPublishers.ofByteArray(overLimit())));
    }

    @Test
    void chunkedBodyOverTheLimitIsRefused413WhileItIsRead() throws Exception {
        byte[] body = overLimit();
        assertTooLarge(post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    @Test
    void wildcardContentTypeIs415NotA500() throws Exception {
        HttpResponse<String> r = HTTP.send(TestTokens.request(uri("/api/v1/datasets"))
                        .header("Content-Type", "*/*")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"system\":\"Lorenz\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
        assertThat(json(r).path("field").asString()).isEqualTo("Content-Type");
    }
}
