package io.chaoscast.results.benchmarks;

import io.chaoscast.contracts.datasets.SystemResponse;
import io.chaoscast.results.dashboard.DashboardProperties;
import io.chaoscast.web.problem.ApiException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dataset-service's system catalog, read when a benchmark is created. Sends this service's
 * client token ({@code chaoscast.security.client-token}) when one is configured.
 */
@Component
class SystemDirectory {

    private final DashboardProperties properties;
    private final String token;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    SystemDirectory(DashboardProperties properties, @Value("${chaoscast.security.client-token:}") String token) {
        this.properties = properties;
        this.token = token == null || token.isBlank() ? null : token;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    List<SystemResponse> all() {
        String base = properties.datasetUrl().toString().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/systems")).timeout(properties.timeout()).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw unavailable("it answered " + r.statusCode());
            }
            return json.readValue(r.body(), new TypeReference<List<SystemResponse>>() {});
        } catch (IOException e) {
            throw unavailable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    private static ApiException unavailable(String why) {
        return ApiException.upstreamUnavailable(
                "the dataset-service's system catalog could not be read (" + why + "); benchmarks need it to resolve systems", null);
    }
}
