package io.chaoscast.contracts.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed client of results-service ({@code /api/v1}), on {@link HttpClient} and Jackson, with no
 * Spring.
 *
 * <p>Connection errors, timeouts, 429 and 5xx answers are retried with exponential backoff and
 * jitter. That is safe for writes because every write carries an {@code Idempotency-Key} that the
 * client generates once per logical call and reuses on each retry, so the service stores it once
 * and answers a retry with the original result. 4xx answers are not retried: they throw {@link
 * ResultsApiException} with the service's problem document.
 *
 * <p>Thread-safe; build one per process and share it.
 */
public final class ResultsClient {

    /** Header the service deduplicates writes on. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final TypeReference<List<ExperimentResponse>> EXPERIMENTS = new TypeReference<>() {};
    private static final TypeReference<PageResponse<RunResponse>> RUN_PAGE = new TypeReference<>() {};
    private static final TypeReference<List<LatestMetricResponse>> LATEST = new TypeReference<>() {};
    private static final TypeReference<List<ArtifactResponse>> ARTIFACTS = new TypeReference<>() {};
    private static final TypeReference<PageResponse<ModelResponse>> MODEL_PAGE = new TypeReference<>() {};

    private final URI baseUri;
    private final HttpClient http;
    private final JsonMapper json;
    private final Duration requestTimeout;
    private final Duration uploadTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final String token;

    private ResultsClient(Builder b) {
        String base = b.baseUri.toString();
        this.baseUri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.http =
                b.httpClient != null
                        ? b.httpClient
                        : HttpClient.newBuilder()
                                .connectTimeout(b.connectTimeout)
                                .version(HttpClient.Version.HTTP_1_1)
                                .build();
        this.json =
                b.jsonMapper != null
                        ? b.jsonMapper
                        : JsonMapper.builder()
                                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                .build();
        this.requestTimeout = b.requestTimeout;
        this.uploadTimeout = b.uploadTimeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.token = b.token;
    }

    /** A builder for a client of the service at {@code baseUri} (e.g. {@code http://localhost:8084}). */
    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    /** A client with default timeouts and retries. */
    public static ResultsClient create(URI baseUri) {
        return builder(baseUri).build();
    }

    public URI baseUri() {
        return baseUri;
    }

    // ---- experiments ----------------------------------------------------------------------

    public ExperimentResponse createExperiment(CreateExperimentRequest request) {
        return send(jsonWrite("POST", "/api/v1/experiments", request, true), ExperimentResponse.class);
    }

    public List<ExperimentResponse> listExperiments() {
        return send(get("/api/v1/experiments"), EXPERIMENTS);
    }

    // ---- runs -----------------------------------------------------------------------------

    public RunResponse createRun(CreateRunRequest request) {
        return send(jsonWrite("POST", "/api/v1/runs", request, true), RunResponse.class);
    }

    /**
     * Opens a run under the caller's Idempotency-Key: the same key and request, sent again after a
     * crash, get the first run back instead of a second one.
     */
    public RunResponse createRun(CreateRunRequest request, String idempotencyKey) {
        return send(jsonWrite("POST", "/api/v1/runs", request, Objects.requireNonNull(idempotencyKey, "idempotencyKey")),
                RunResponse.class);
    }

    public RunResponse getRun(UUID runId) {
        return send(get("/api/v1/runs/" + runId), RunResponse.class);
    }

    public RunResponse updateRun(UUID runId, UpdateRunRequest request) {
        // PATCH to a status is idempotent by itself: the same status on a final run is answered 200.
        return send(jsonWrite("PATCH", "/api/v1/runs/" + runId, request, false), RunResponse.class);
    }

    public RunResponse finishRun(UUID runId) {
        return updateRun(runId, UpdateRunRequest.finished());
    }

    public RunResponse failRun(UUID runId, String reason) {
        return updateRun(runId, UpdateRunRequest.failed(reason));
    }

    public PageResponse<RunResponse> listRuns(ListRunsRequest query) {
        List<String> q = new ArrayList<>();
        add(q, "experiment", query.experiment());
        add(q, "kind", query.kind() == null ? null : query.kind().wireName());
        add(q, "status", query.status() == null ? null : query.status().wireName());
        add(q, "system", query.system());
        add(q, "modelType", query.modelType());
        if (query.tags() != null) {
            query.tags().forEach((k, v) -> add(q, "tag", k + "=" + v));
        }
        add(q, "sortMetric", query.sortMetric());
        add(q, "order", query.order() == null ? null : query.order().wireName());
        add(q, "page", query.page());
        add(q, "size", query.size());
        return send(get("/api/v1/runs" + queryString(q)), RUN_PAGE);
    }

    // ---- metrics --------------------------------------------------------------------------

    /**
     * Stores a batch of points (at most the service's limit, 100 000 by default), all or none.
     *
     * @throws ResultsApiException 409 when the run is no longer running, 400 naming the bad point
     */
    public MetricBatchResponse logMetrics(UUID runId, List<MetricPointRequest> points) {
        return send(
                jsonWrite("POST", "/api/v1/runs/" + runId + "/metrics", points, true), MetricBatchResponse.class);
    }

    /** The latest value of every metric of the run. */
    public List<LatestMetricResponse> latestMetrics(UUID runId) {
        return send(get("/api/v1/runs/" + runId + "/metrics"), LATEST);
    }

    /** One page of a metric's history, ordered by step. */
    public MetricHistoryResponse metricHistory(UUID runId, String key, int page, int size) {
        return send(
                get("/api/v1/runs/" + runId + "/metrics/" + keyPath(key) + "?page=" + page + "&size=" + size),
                MetricHistoryResponse.class);
    }

    /**
     * A buffer that sends points for {@code runId} in the background, in batches.
     *
     * @see MetricBuffer
     */
    public MetricBuffer metricBuffer(UUID runId, MetricBuffer.Options options, MetricBuffer.Listener listener) {
        return new MetricBuffer(this, runId, options, listener);
    }

    // ---- artifacts ------------------------------------------------------------------------

    /** Uploads a file as the run's artifact {@code name}; the file is streamed, never held in memory. */
    public ArtifactResponse uploadArtifact(UUID runId, String name, Path file, String contentType) {
        Objects.requireNonNull(file, "file");
        return uploadArtifact(runId, name, () -> ofFile(file), contentType);
    }

    public ArtifactResponse uploadArtifact(UUID runId, String name, byte[] content, String contentType) {
        return uploadArtifact(runId, name, content, contentType, UUID.randomUUID().toString());
    }

    /**
     * Uploads under a caller-chosen idempotency key: a caller that may crash and try again (a
     * training job) derives the key from its own durable identity, so the retry after a restart is
     * answered with the first upload instead of a 409.
     */
    public ArtifactResponse uploadArtifact(UUID runId, String name, byte[] content, String contentType, String idempotencyKey) {
        return uploadArtifact(runId, name, () -> HttpRequest.BodyPublishers.ofByteArray(content), contentType, idempotencyKey);
    }

    private ArtifactResponse uploadArtifact(UUID runId, String name, Supplier<HttpRequest.BodyPublisher> body, String contentType) {
        return uploadArtifact(runId, name, body, contentType, UUID.randomUUID().toString());
    }

    private ArtifactResponse uploadArtifact(
            UUID runId, String name, Supplier<HttpRequest.BodyPublisher> body, String contentType, String key) {
        Objects.requireNonNull(key, "idempotencyKey");
        String path = "/api/v1/runs/" + runId + "/artifacts/" + pathSegment(name);
        return send(
                new Call(
                        "PUT " + path,
                        () ->
                                newRequest(path)
                                        .timeout(uploadTimeout)
                                        .header("Content-Type", contentType == null ? "application/octet-stream" : contentType)
                                        .header("Accept", "application/json")
                                        .header(IDEMPOTENCY_KEY, key)
                                        .PUT(body.get())
                                        .build()),
                ArtifactResponse.class);
    }

    public List<ArtifactResponse> listArtifacts(UUID runId) {
        return send(get("/api/v1/runs/" + runId + "/artifacts"), ARTIFACTS);
    }

    /** Downloads an artifact into memory; use {@link #downloadArtifact(UUID, String, Path)} for big ones. */
    public byte[] downloadArtifactBytes(UUID runId, String name) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        downloadArtifact(runId, name, out);
        return out.toByteArray();
    }

    /**
     * Streams an artifact to {@code target} (replaced atomically once complete) and checks its
     * SHA-256 against the {@code ETag} the service sent.
     *
     * @return the SHA-256 of the bytes, hex
     */
    public String downloadArtifact(UUID runId, String name, Path target) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, target.getFileName().toString(), ".part");
            try {
                String sha;
                try (OutputStream out = Files.newOutputStream(partial)) {
                    sha = downloadArtifact(runId, name, out);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return sha;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new ResultsClientException("could not write artifact " + name + " to " + target, e);
        }
    }

    /** Streams an artifact to {@code out}, checking its SHA-256 against the {@code ETag}; returns it. */
    public String downloadArtifact(UUID runId, String name, OutputStream out) {
        String path = "/api/v1/runs/" + runId + "/artifacts/" + pathSegment(name);
        // Not retried: bytes may already have reached `out`. The caller retries with a fresh stream.
        HttpRequest request =
                newRequest(path).timeout(uploadTimeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ResultsClientException("GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResultsClientException("GET " + path + " interrupted", e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw apiError("GET " + path, response.statusCode(), in.readAllBytes());
            }
            MessageDigest sha = sha256();
            try (DigestOutputStream digest = new DigestOutputStream(nonClosing(out), sha)) {
                in.transferTo(digest);
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            String etag = response.headers().firstValue("ETag").orElse("").replace("\"", "");
            if (!etag.isEmpty() && !etag.equalsIgnoreCase(hex)) {
                throw new ResultsClientException(
                        "artifact " + name + " arrived with SHA-256 " + hex + " but the service announced " + etag);
            }
            return hex;
        } catch (IOException e) {
            throw new ResultsClientException("GET " + path + " broke off: " + e.getMessage(), e);
        }
    }

    // ---- models and leaderboard -----------------------------------------------------------

    public ModelResponse registerModel(RegisterModelRequest request) {
        return send(jsonWrite("POST", "/api/v1/models", request, true), ModelResponse.class);
    }

    /**
     * Registers under a caller-chosen idempotency key, so that a caller repeating the registration
     * after a restart gets the same version back instead of a second one.
     */
    public ModelResponse registerModel(RegisterModelRequest request, String idempotencyKey) {
        return send(jsonWrite("POST", "/api/v1/models", request, Objects.requireNonNull(idempotencyKey, "idempotencyKey")),
                ModelResponse.class);
    }

    public ModelResponse getModel(UUID modelId) {
        return send(get("/api/v1/models/" + modelId), ModelResponse.class);
    }

    /** Registered models, newest first; {@code name} null lists every name. */
    public PageResponse<ModelResponse> listModels(String name, int page, int size) {
        List<String> q = new ArrayList<>();
        add(q, "name", name);
        add(q, "page", page);
        add(q, "size", size);
        return send(get("/api/v1/models" + queryString(q)), MODEL_PAGE);
    }

    public LeaderboardResponse leaderboard(String system, String metric, SortOrder order) {
        List<String> q = new ArrayList<>();
        add(q, "system", system);
        add(q, "metric", metric);
        add(q, "order", order == null ? null : order.wireName());
        return send(get("/api/v1/leaderboard" + queryString(q)), LeaderboardResponse.class);
    }

    // ---- plumbing -------------------------------------------------------------------------

    /** A request to {@code path}, carrying this client's bearer token when it has one. */
    private HttpRequest.Builder newRequest(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** One logical call: builds a fresh (but identical, same idempotency key) request per attempt. */
    private record Call(String description, Supplier<HttpRequest> request) {}

    private Call get(String path) {
        return new Call(
                "GET " + path,
                () -> newRequest(path)
                        .timeout(requestTimeout)
                        .header("Accept", "application/json")
                        .GET()
                        .build());
    }

    private Call jsonWrite(String method, String path, Object body, boolean idempotencyKey) {
        return jsonWrite(method, path, body, idempotencyKey ? UUID.randomUUID().toString() : null);
    }

    /** {@code key} null: no Idempotency-Key header. */
    private Call jsonWrite(String method, String path, Object body, String key) {
        byte[] bytes = json.writeValueAsBytes(body);
        return new Call(method + " " + path, () -> {
            HttpRequest.Builder b = newRequest(path)
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
            if (key != null) {
                b.header(IDEMPOTENCY_KEY, key);
            }
            return b.build();
        });
    }

    private <T> T send(Call call, Class<T> type) {
        byte[] body = exchange(call);
        return decode(call, () -> json.readValue(body, type));
    }

    private <T> T send(Call call, TypeReference<T> type) {
        byte[] body = exchange(call);
        return decode(call, () -> json.readValue(body, type));
    }

    private <T> T decode(Call call, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (JacksonException e) {
            throw new ResultsClientException(call.description() + ": unreadable answer: " + e.getOriginalMessage(), e);
        }
    }

    /** Sends with retries; returns the body of a 2xx answer. */
    private byte[] exchange(Call call) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(call.request().get(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    throw new ResultsClientException(
                            call.description() + " failed after " + attempt + " attempts: " + e, e);
                }
                pause(attempt, call);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ResultsClientException(call.description() + " interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body();
            }
            boolean retryable = status >= 500 || status == 429;
            if (!retryable || attempt >= maxAttempts) {
                throw apiError(call.description(), status, response.body());
            }
            pause(attempt, call);
        }
    }

    private void pause(int attempt, Call call) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        // Full jitter in [capped/2, capped]: retries of many clients do not arrive in lockstep.
        long sleep = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        try {
            Thread.sleep(sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResultsClientException(call.description() + " interrupted while backing off", e);
        }
    }

    private ResultsApiException apiError(String description, int status, byte[] body) {
        ProblemResponse problem = null;
        if (body != null && body.length > 0) {
            try {
                problem = json.readValue(body, ProblemResponse.class);
            } catch (JacksonException ignored) {
                // not a problem document (a proxy's HTML page, say): the status alone tells the story
            }
        }
        return new ResultsApiException(description, status, problem);
    }

    private URI uri(String pathAndQuery) {
        return URI.create(baseUri + pathAndQuery);
    }

    private static HttpRequest.BodyPublisher ofFile(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
            throw new ResultsClientException("artifact file not found: " + file, e);
        }
    }

    private static void add(List<String> q, String name, Object value) {
        if (value != null) {
            q.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    private static String queryString(List<String> q) {
        return q.isEmpty() ? "" : "?" + String.join("&", q);
    }

    static String pathSegment(String s) {
        return URLEncoder.encode(Objects.requireNonNull(s, "name"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A metric key as the rest of the path: each part encoded, the slashes kept (keys like {@code exit/3/mse}). */
    static String keyPath(String key) {
        String[] parts = Objects.requireNonNull(key, "key").split("/", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            sb.append(i == 0 ? "" : "/").append(pathSegment(parts[i]));
        }
        return sb.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Options of a {@link ResultsClient}. */
    public static final class Builder {
        private final URI baseUri;
        private HttpClient httpClient;
        private JsonMapper jsonMapper;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration uploadTimeout = Duration.ofMinutes(10);
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private String token;

        private Builder(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        }

        /** Time to open a connection (default 5 s); ignored with {@link #optHttpClient}. */
        public Builder optConnectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        /** Time for a JSON call's answer (default 30 s). */
        public Builder optRequestTimeout(Duration d) {
            this.requestTimeout = positive(d, "requestTimeout");
            return this;
        }

        /** Time for an artifact upload or download (default 10 min). */
        public Builder optUploadTimeout(Duration d) {
            this.uploadTimeout = positive(d, "uploadTimeout");
            return this;
        }

        /** Attempts per call, the first included (default 5; 1 turns retries off). */
        public Builder optMaxAttempts(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, found " + n);
            }
            this.maxAttempts = n;
            return this;
        }

        /** Backoff before the first retry (default 200 ms), doubled per attempt up to {@code max} (default 5 s). */
        public Builder optBackoff(Duration initial, Duration max) {
            this.initialBackoff = positive(initial, "initialBackoff");
            this.maxBackoff = positive(max, "maxBackoff");
            return this;
        }

        /**
         * The bearer token sent with every call (property {@code chaoscast.security.client-token}
         * in the services); null or blank: none.
         */
        public Builder optToken(String token) {
            this.token = token == null || token.isBlank() ? null : token.trim();
            return this;
        }

        public Builder optHttpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        public Builder optJsonMapper(JsonMapper mapper) {
            this.jsonMapper = mapper;
            return this;
        }

        public ResultsClient build() {
            return new ResultsClient(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, found " + d);
            }
            return d;
        }
    }
}
