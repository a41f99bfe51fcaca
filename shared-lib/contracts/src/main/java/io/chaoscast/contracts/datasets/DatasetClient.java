package io.chaoscast.contracts.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small typed client of dataset-service for the other services: catalog look-ups, dataset
 * creation, and splits fetched as NPY and returned as {@code double[trajectories][length][dimension]}.
 * Thread-safe; plain {@code java.net.http} and Jackson.
 */
public final class DatasetClient {

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final String token;
    private final JsonMapper json =
            JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** @param baseUri e.g. {@code http://localhost:8081} */
    public DatasetClient(URI baseUri) {
        this(baseUri, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofMinutes(5));
    }

    public DatasetClient(URI baseUri, HttpClient http, Duration requestTimeout) {
        this(baseUri, http, requestTimeout, null);
    }

    /** @param token the bearer token sent with every call; null or blank: none */
    public DatasetClient(URI baseUri, HttpClient http, Duration requestTimeout, String token) {
        String s = baseUri.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.token = token == null || token.isBlank() ? null : token.trim();
    }

    /** The same client, sending {@code token} as its bearer token. */
    public DatasetClient withToken(String token) {
        return new DatasetClient(base, http, requestTimeout, token);
    }

    /** A request to {@code uri}, carrying the bearer token when there is one. */
    private HttpRequest.Builder newRequest(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** {@code GET /api/v1/systems}. */
    public List<SystemResponse> systems() {
        return read(send(getRequest("/api/v1/systems")), new TypeReference<List<SystemResponse>>() {});
    }

    /** {@code GET /api/v1/systems/{name}}. */
    public SystemResponse system(String name) {
        return read(send(getRequest("/api/v1/systems/" + encode(name))), new TypeReference<SystemResponse>() {});
    }

    /** {@code POST /api/v1/systems/{name}/lyapunov}. */
    public LyapunovResponse lyapunov(String name, LyapunovRequest request) {
        return read(
                send(post("/api/v1/systems/" + encode(name) + "/lyapunov", request)),
                new TypeReference<LyapunovResponse>() {});
    }

    /**
     * {@code POST /api/v1/datasets}: the dataset of this recipe, possibly still generating (see
     * {@link #awaitReady}).
     */
    public DatasetResponse create(DatasetRequest recipe) {
        return read(send(post("/api/v1/datasets", recipe)), new TypeReference<DatasetResponse>() {});
    }

    /** {@code GET /api/v1/datasets/{id}}. */
    public DatasetResponse get(String id) {
        return read(send(getRequest("/api/v1/datasets/" + encode(id))), new TypeReference<DatasetResponse>() {});
    }

    /**
     * Polls until the dataset is ready.
     *
     * @throws DatasetClientException when it failed (with its reason) or is not ready in time
     */
    public DatasetResponse awaitReady(String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long sleep = 50;
        while (true) {
            DatasetResponse d = get(id);
            if (d.isReady()) {
                return d;
            }
            if (d.isFailed()) {
                throw new DatasetClientException(409, "dataset-failed", "dataset " + id + " failed: " + d.failureReason());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DatasetClientException(
                        0, "timeout", "dataset " + id + " not ready after " + timeout + " (progress " + d.progress() + ")");
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatasetClientException("interrupted while waiting for dataset " + id, e);
            }
            sleep = Math.min(sleep * 2, 1000);
        }
    }

    /** Creates the dataset if needed and waits for it. */
    public DatasetResponse createAndAwait(DatasetRequest recipe, Duration timeout) {
        DatasetResponse d = create(recipe);
        return d.isReady() ? d : awaitReady(d.id(), timeout);
    }

    /**
     * {@code GET /api/v1/datasets/{id}/data?split=...&format=npy}, parsed.
     *
     * @param split {@code train}, {@code val}, {@code test} or {@code all}
     * @return {@code [trajectory][step][dimension]}
     */
    public double[][][] split(String id, String split) {
        HttpRequest request =
                newRequest(
                                URI.create(base + "/api/v1/datasets/" + encode(id) + "/data?split=" + encode(split) + "&format=npy"))
                        .timeout(requestTimeout)
                        .header("Accept", "application/octet-stream")
                        .GET()
                        .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw problem(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                return Npy.read3d(body);
            }
        } catch (IOException e) {
            throw new DatasetClientException("could not fetch " + split + " split of dataset " + id + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetClientException("interrupted while fetching dataset " + id, e);
        }
    }

    private HttpRequest getRequest(String path) {
        return newRequest(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private HttpRequest post(String path, Object body) {
        return newRequest(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw problem(response.statusCode(), response.body());
            }
            return response;
        } catch (IOException e) {
            throw new DatasetClientException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetClientException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new DatasetClientException(
                    "unexpected answer from " + response.uri() + ": " + e.getOriginalMessage(), new UncheckedIOException(new IOException(e)));
        }
    }

    private DatasetClientException problem(int status, String body) {
        String code = null;
        String message = "HTTP " + status;
        try {
            JsonNode node = json.readTree(body);
            code = node.path("code").isString() ? node.path("code").asString() : null;
            String detail = node.path("detail").isString() ? node.path("detail").asString() : body;
            message = message + ": " + detail;
        } catch (JacksonException e) {
            message = message + ": " + body;
        }
        return new DatasetClientException(status, code, message);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
