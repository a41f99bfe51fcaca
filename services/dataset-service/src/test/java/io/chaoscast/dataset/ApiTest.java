package io.chaoscast.dataset;

import io.chaoscast.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.testsupport.PostgresIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the HTTP tests: the real service on a random port against a fresh database on a real
 * PostgreSQL. Every subclass shares the same properties, so Spring starts one context for them all.
 */
@PostgresIntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "chaoscast.datasets.directory=target/test-datasets",
            "chaoscast.datasets.synchronous-max-points=20000",
            "chaoscast.datasets.progress-interval=20ms",
            "chaoscast.lyapunov.max-work=1000000",
            "logging.level.io.chaoscast=WARN"
        })
public abstract class ApiTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(TestTokens.request(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return HTTP.send(TestTokens.request(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(
                TestTokens.request(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    /** Asserts an RFC 7807 problem with this status, code and field, and returns it. */
    protected static JsonNode assertProblem(HttpResponse<String> r, int status, String code, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = json(r);
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("code").asString()).isEqualTo(code);
        if (field != null) {
            assertThat(p.path("field").asString()).as(r.body()).isEqualTo(field);
        }
        assertThat(p.path("detail").asString()).isNotBlank();
        return p;
    }
}
