package io.chaoscast.results;

import io.chaoscast.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.contracts.results.CreateRunRequest;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunKind;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.testsupport.PostgresIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration tests: the whole service on a random port, on a fresh database of a real
 * PostgreSQL, spoken to over real HTTP. Every subclass shares one context (and database); tests
 * make their own runs with unique names so that they do not see each other's rows.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"results.artifacts.max-size=8MB", "results.metrics.max-request-size=16MB"})
@PostgresIntegrationTest
public abstract class ResultsServiceTest {

    /** The artifact limit the tests run with (8 MiB). */
    protected static final long ARTIFACT_LIMIT = 8L * 1024 * 1024;

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected ResultsClient client() {
        return ResultsClient.builder(URI.create("http://localhost:" + port)).optToken(TestTokens.ADMIN).build();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected RunResponse newRun(String experiment) {
        return client().createRun(new CreateRunRequest(
                experiment, null, RunKind.TRAINING, "lorenz", "ds-1", "mlp", null, Map.of(), Map.of(), null));
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> send(String method, String path, String json, String... headers) {
        HttpRequest.Builder b = TestTokens.request(uri(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (json != null && !typed) {
            b.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    protected HttpResponse<String> post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    protected static JsonNode body(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Asserts an RFC 7807 problem with this status that names {@code field}. */
    protected static JsonNode assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode p = body(response);
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("detail").asString()).isNotBlank();
        if (field != null) {
            assertThat(p.path("field").asString()).as(response.body()).isEqualTo(field);
        }
        return p;
    }
}
