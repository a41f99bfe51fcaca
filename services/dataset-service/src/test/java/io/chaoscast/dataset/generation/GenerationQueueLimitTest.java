package io.chaoscast.dataset.generation;

import io.chaoscast.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.testsupport.PostgresIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A full background queue answers 429 with Retry-After and stores nothing. */
@PostgresIntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "chaoscast.datasets.directory=target/test-datasets-queue",
            "chaoscast.datasets.synchronous-max-points=10",
            "chaoscast.datasets.worker-threads=1",
            "chaoscast.datasets.queue-capacity=1"
        })
class GenerationQueueLimitTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(String json) throws Exception {
        return http.send(
                TestTokens.request(URI.create("http://localhost:" + port + "/api/v1/datasets"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void fullQueueAnswers429AndStoresNothing() throws Exception {
        // one running (long enough to still run during the next two POSTs), one queued, one refused
        assertThat(post("{\"system\": \"Lorenz\", \"length\": 400000, \"seed\": 1}").statusCode()).isEqualTo(202);
        assertThat(post("{\"system\": \"Lorenz\", \"length\": 1000, \"seed\": 2}").statusCode()).isEqualTo(202);
        HttpResponse<String> refused = post("{\"system\": \"Lorenz\", \"length\": 1000, \"seed\": 3}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("5");
        assertThat(refused.body()).contains("\"code\":\"busy\"", "queue is full");
        HttpResponse<String> list = http.send(
                TestTokens.request(URI.create("http://localhost:" + port + "/api/v1/datasets?size=10")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.body()).contains("\"total\":2").doesNotContain("\"seed\":3");
    }
}
