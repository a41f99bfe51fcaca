package io.chaoscast.inference.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chaoscast.contracts.results.MetricBatchResponse;
import io.chaoscast.contracts.results.ModelResponse;
import io.chaoscast.contracts.results.PageResponse;
import io.chaoscast.contracts.results.RunKind;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.contracts.results.RunStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback HTTP server that speaks results-service's wire contract for what inference-service
 * calls: the model registry ({@code GET /api/v1/models[/{id}]}), artifact bytes with their SHA-256
 * as {@code ETag}, and the run and metric endpoints telemetry writes to. The real results-service
 * cannot be put on this module's test classpath (its jar is repackaged by Spring Boot), so this
 * stands in for it on the wire, and the service talks to it through the real {@code
 * ResultsClient}.
 */
public final class RegistryServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Artifact(byte[] bytes, String sha256) {}

    private final HttpServer server;
    private final Map<UUID, ModelResponse> models = new ConcurrentHashMap<>();
    private final Map<String, Artifact> artifacts = new ConcurrentHashMap<>();
    private final Map<UUID, RunResponse> runs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> metricPoints = new ConcurrentHashMap<>();
    private final AtomicInteger artifactDownloads = new AtomicInteger();

    public RegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Registers an artifact under a new run and model; {@code recordedSha} null means the true one. */
    public UUID register(String name, String modelType, byte[] artifact, String recordedSha) {
        return register(UUID.randomUUID(), name, modelType, artifact, recordedSha);
    }

    /** As {@link #register(String, String, byte[], String)}, under a chosen model id. */
    public UUID register(UUID id, String name, String modelType, byte[] artifact, String recordedSha) {
        UUID runId = UUID.randomUUID();
        String sha = sha256(artifact);
        artifacts.put(runId + "/model.zip", new Artifact(artifact, sha));
        JsonNode spec = JSON.createObjectNode().put("type", modelType);
        models.put(
                id,
                new ModelResponse(
                        id,
                        name,
                        1,
                        runId,
                        "model.zip",
                        recordedSha == null ? sha : recordedSha,
                        artifact.length,
                        "/api/v1/runs/" + runId + "/artifacts/model.zip",
                        "lorenz",
                        modelType,
                        spec,
                        Instant.now()));
        return id;
    }

    public int artifactDownloads() {
        return artifactDownloads.get();
    }

    /** Metric points received for {@code key}, over every run. */
    public int metricPoints(String key) {
        AtomicInteger n = metricPoints.get(key);
        return n == null ? 0 : n.get();
    }

    public List<RunResponse> runs() {
        return new ArrayList<>(runs.values());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String[] p = path.substring("/api/v1/".length()).split("/");
            if (method.equals("GET") && p[0].equals("models") && p.length == 1) {
                List<ModelResponse> all = new ArrayList<>(models.values());
                json(ex, 200, new PageResponse<>(all, 0, all.size(), all.size()));
            } else if (method.equals("GET") && p[0].equals("models") && p.length == 2) {
                ModelResponse m = null;
                try {
                    m = models.get(UUID.fromString(p[1]));
                } catch (IllegalArgumentException ignored) {
                    // not a UUID: unknown
                }
                if (m == null) {
                    problem(ex, 404, "no model " + p[1]);
                } else {
                    json(ex, 200, m);
                }
            } else if (method.equals("GET") && p[0].equals("runs") && p.length == 4 && p[2].equals("artifacts")) {
                Artifact a = artifacts.get(p[1] + "/" + p[3]);
                if (a == null) {
                    problem(ex, 404, "no artifact");
                } else {
                    artifactDownloads.incrementAndGet();
                    ex.getResponseHeaders().add("ETag", "\"" + a.sha256() + "\"");
                    ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
                    ex.sendResponseHeaders(200, a.bytes().length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(a.bytes());
                    }
                }
            } else if (method.equals("POST") && p[0].equals("runs") && p.length == 1) {
                JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
                UUID id = UUID.randomUUID();
                RunResponse r = new RunResponse(
                        id,
                        UUID.randomUUID(),
                        body.path("experiment").asString(),
                        body.path("name").asString(),
                        RunKind.fromWire(body.path("kind").asString()),
                        RunStatus.RUNNING,
                        body.path("systemName").asString(null),
                        null,
                        body.path("modelType").asString(null),
                        Instant.now(),
                        null,
                        null,
                        null,
                        Map.of(),
                        Map.of(),
                        Map.of());
                runs.put(id, r);
                json(ex, 201, r);
            } else if (method.equals("POST") && p[0].equals("runs") && p.length == 3 && p[2].equals("metrics")) {
                JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
                for (JsonNode point : body) {
                    metricPoints
                            .computeIfAbsent(point.path("key").asString(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
                json(ex, 200, new MetricBatchResponse(UUID.fromString(p[1]), body.size()));
            } else if (p[0].equals("runs") && p.length >= 2 && runs.containsKey(UUID.fromString(p[1]))) {
                ex.getRequestBody().readAllBytes();
                json(ex, 200, runs.get(UUID.fromString(p[1])));
            } else {
                problem(ex, 404, "no route " + method + " " + path);
            }
        }
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void problem(HttpExchange ex, int status, String detail) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(Map.of("status", status, "title", "Not found", "detail", detail))
                .clone();
        ex.getResponseHeaders().add("Content-Type", "application/problem+json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
