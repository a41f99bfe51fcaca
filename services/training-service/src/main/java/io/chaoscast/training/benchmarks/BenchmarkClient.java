package io.chaoscast.training.benchmarks;

import io.chaoscast.contracts.benchmarks.BenchmarkCellResponse;
import io.chaoscast.contracts.benchmarks.BenchmarkCellUpdateRequest;
import io.chaoscast.training.config.ServicesProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The results-service's benchmark cells, as the driver reads and reports them. */
@Component
class BenchmarkClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private final String token;

    /** @param token this service's client token ({@code chaoscast.security.client-token}), sent when set */
    BenchmarkClient(ServicesProperties services, @Value("${chaoscast.security.client-token:}") String token) {
        String s = services.resultsUrl().toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.token = token == null || token.isBlank() ? null : token;
    }

    List<BenchmarkCellResponse> openCells(int limit) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/benchmarks/open-cells?limit=" + limit)).GET());
        return json.readValue(r.body(), new TypeReference<List<BenchmarkCellResponse>>() {});
    }

    void report(UUID benchmarkId, int ordinal, BenchmarkCellUpdateRequest update) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/benchmarks/" + benchmarkId + "/cells/" + ordinal))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(update))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IOException("results-service answered " + r.statusCode() + " to " + r.request().uri() + ": " + r.body());
        }
        return r;
    }
}
