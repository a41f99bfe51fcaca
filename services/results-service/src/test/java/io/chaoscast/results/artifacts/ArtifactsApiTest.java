package io.chaoscast.results.artifacts;

import io.chaoscast.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaoscast.contracts.results.ArtifactResponse;
import io.chaoscast.contracts.results.ResultsApiException;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.results.ResultsServiceTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsApiTest extends ResultsServiceTest {

    @TempDir
    Path dir;

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private long largeObjects() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Long.class);
    }

    private String artifactPath(UUID runId, String name) {
        return "/api/v1/runs/" + runId + "/artifacts/" + name;
    }

    @Autowired
    ArtifactStore store;

    @Autowired
    DataSource dataSource;

    @Test
    void downloadHoldsNoPooledConnectionWhileItWritesToTheClient() throws Exception {
        RunResponse run = newRun(unique("conn"));
        byte[] content = randomBytes(3 * ArtifactStore.READ_CHUNK + 5, 3);
        client().uploadArtifact(run.id(), "big.bin", Files.write(dir.resolve("big.bin"), content), "application/octet-stream");
        long oid = jdbc.queryForObject(
                "SELECT content_oid FROM results.artifacts WHERE run_id = ? AND name = 'big.bin'", Long.class, run.id());
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        List<Integer> activeWhileWriting = new java.util.ArrayList<>();
        java.io.ByteArrayOutputStream client = new java.io.ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                activeWhileWriting.add(pool.getActiveConnections());
                super.write(b, off, len);
            }
        };
        store.read(oid, content.length, client);
        assertThat(client.toByteArray()).isEqualTo(content);
        assertThat(activeWhileWriting).hasSize(4).containsOnly(0);
    }

    @Test
    void bigArtifactRoundTripsWithItsSha256() throws Exception {
        ResultsClient client = client();
        RunResponse run = newRun(unique("a"));
        byte[] content = randomBytes(6 * 1024 * 1024 + 123, 1);
        Path file = Files.write(dir.resolve("model.params"), content);

        ArtifactResponse stored = client.uploadArtifact(run.id(), "model.params", file, "application/x-djl-params");
        assertThat(stored.sha256()).isEqualTo(sha256(content));
        assertThat(stored.sizeBytes()).isEqualTo(content.length);
        assertThat(stored.contentType()).isEqualTo("application/x-djl-params");

        Path back = dir.resolve("back.params");
        assertThat(client.downloadArtifact(run.id(), "model.params", back)).isEqualTo(sha256(content));
        assertThat(Files.readAllBytes(back)).isEqualTo(content);

        HttpResponse<byte[]> raw = HTTP.send(TestTokens.request(uri(artifactPath(run.id(), "model.params"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(raw.headers().firstValue("ETag")).hasValue("\"" + sha256(content) + "\"");
        assertThat(raw.headers().firstValue("Content-Type")).hasValue("application/x-djl-params");
        assertThat(raw.headers().firstValueAsLong("Content-Length")).hasValue(content.length);
        assertThat(raw.body()).isEqualTo(content);

        HttpResponse<String> notModified = send("GET", artifactPath(run.id(), "model.params"), null,
                "If-None-Match", "\"" + sha256(content) + "\"");
        assertThat(notModified.statusCode()).isEqualTo(304);

        List<ArtifactResponse> listed = client.listArtifacts(run.id());
        assertThat(listed).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("model.params");
            assertThat(a.sha256()).isEqualTo(sha256(content));
        });
    }

    @Test
    void chunkedUploadWithoutLengthIsStreamedAndHashed() throws Exception {
        RunResponse run = newRun(unique("a"));
        byte[] content = randomBytes(3 * 1024 * 1024, 2);
        HttpResponse<String> r = HTTP.send(TestTokens.request(uri(artifactPath(run.id(), "chunked.bin")))
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(body(r).path("sha256").asString()).isEqualTo(sha256(content));
        assertThat(body(r).path("contentType").asString()).isEqualTo("application/octet-stream");
        assertThat(client().downloadArtifactBytes(run.id(), "chunked.bin")).isEqualTo(content);
    }

    @Test
    void overLimitUploadWithLengthIs413AndLeavesNothing() throws Exception {
        RunResponse run = newRun(unique("a"));
        long before = largeObjects();
        byte[] content = randomBytes((int) ARTIFACT_LIMIT + 1, 3);
        HttpResponse<String> r = HTTP.send(TestTokens.request(uri(artifactPath(run.id(), "big.bin")))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 413, "body");
        assertThat(client().listArtifacts(run.id())).isEmpty();
        assertThat(largeObjects()).isEqualTo(before);
    }

    @Test
    void overLimitChunkedUploadIs413AndLeavesNothing() throws Exception {
        RunResponse run = newRun(unique("a"));
        long before = largeObjects();
        byte[] content = randomBytes((int) ARTIFACT_LIMIT + 512 * 1024, 4);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> r = HTTP.send(TestTokens.request(uri(artifactPath(run.id(), "big.bin")))
                        .header("Idempotency-Key", key)
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(content)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 413, "body");
        assertThat(client().listArtifacts(run.id())).isEmpty();
        assertThat(largeObjects()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM results.idempotency_keys WHERE key = ?", Long.class, key))
                .isZero();
    }

    @Test
    void retriedUploadWithSameKeyIsStoredOnceAndOtherUploadUnderSameNameIs409() {
        RunResponse run = newRun(unique("a"));
        byte[] content = randomBytes(10_000, 5);
        String key = UUID.randomUUID().toString();
        String path = artifactPath(run.id(), "weights.bin");
        HttpResponse<String> first = put(path, content, "Idempotency-Key", key);
        HttpResponse<String> again = put(path, content, "Idempotency-Key", key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(client().listArtifacts(run.id())).hasSize(1);

        assertProblem(put(path, randomBytes(10, 6)), 409, "name");
    }

    @Test
    void uploadsToFinalOrUnknownRunsAndBadNamesAreRefused() {
        ResultsClient client = client();
        assertProblem(put(artifactPath(UUID.randomUUID(), "x.bin"), new byte[] {1}), 404, null);
        assertProblem(get(artifactPath(UUID.randomUUID(), "x.bin")), 404, null);
        assertProblem(get("/api/v1/runs/" + UUID.randomUUID() + "/artifacts"), 404, null);
        RunResponse run = newRun(unique("a"));
        assertProblem(put(artifactPath(run.id(), "bad%20name"), new byte[] {1}), 400, "name");
        assertProblem(get(artifactPath(run.id(), "missing.bin")), 404, "name");
        client.finishRun(run.id());
        assertThatThrownBy(() -> client.uploadArtifact(run.id(), "late.bin", new byte[] {1}, null))
                .isInstanceOfSatisfying(ResultsApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.field()).isEqualTo("runId");
                });
    }

    private HttpResponse<String> put(String path, byte[] content, String... headers) {
        HttpRequest.Builder b = TestTokens.request(uri(path)).PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
