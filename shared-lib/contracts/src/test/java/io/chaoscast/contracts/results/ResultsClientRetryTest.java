package io.chaoscast.contracts.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's retries, against a tiny local HTTP server that fails on purpose. */
class ResultsClientRetryTest {

    private HttpServer server;
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<String> keys = new CopyOnWriteArrayList<>();

    private interface Answer {
        void answer(HttpExchange exchange, int attempt) throws IOException;
    }

    private ResultsClient serve(Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            answer.answer(exchange, attempts.incrementAndGet());
        });
        server.start();
        return ResultsClient.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .optMaxAttempts(4)
                .optBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
                .optRequestTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String batchAnswer(UUID runId, int n) {
        return "{\"runId\":\"" + runId + "\",\"accepted\":" + n + "}";
    }

    @Test
    void fiveHundredsAndBrokenConnectionsAreRetriedWithTheSameIdempotencyKey() throws IOException {
        UUID runId = UUID.randomUUID();
        ResultsClient client = serve((exchange, attempt) -> {
            switch (attempt) {
                case 1 -> exchange.close(); // connection dropped without an answer
                case 2 -> reply(exchange, 503, "application/problem+json", "{\"status\":503,\"title\":\"busy\"}");
                default -> reply(exchange, 201, "application/json", batchAnswer(runId, 1));
            }
        });
        MetricBatchResponse answer = client.logMetrics(runId, List.of(MetricPointRequest.of("loss", 0, 1.0)));
        assertThat(answer.accepted()).isEqualTo(1);
        assertThat(attempts).hasValue(3);
        assertThat(keys).hasSize(3).doesNotContain("null");
        assertThat(keys).containsOnly(keys.get(0));

        client.logMetrics(runId, List.of(MetricPointRequest.of("loss", 1, 1.0)));
        assertThat(keys.get(3)).as("a new logical request has a new key").isNotEqualTo(keys.get(0));
    }

    @Test
    void clientErrorsAreNotRetriedAndCarryTheProblem() throws IOException {
        ResultsClient client = serve((exchange, attempt) -> reply(exchange, 400, "application/problem+json",
                "{\"status\":400,\"title\":\"Invalid request field\",\"detail\":\"metrics[0].value must be a finite number\","
                        + "\"code\":\"invalid-field\",\"field\":\"metrics[0].value\"}"));
        assertThatThrownBy(() -> client.logMetrics(UUID.randomUUID(), List.of(MetricPointRequest.of("loss", 0, 1.0))))
                .isInstanceOfSatisfying(ResultsApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("metrics[0].value");
                    assertThat(e.problem().code()).isEqualTo("invalid-field");
                });
        assertThat(attempts).hasValue(1);
    }

    @Test
    void persistentFailureGivesUpAfterMaxAttempts() throws IOException {
        ResultsClient client = serve((exchange, attempt) -> reply(exchange, 500, "text/html", "<h1>oops</h1>"));
        assertThatThrownBy(() -> client.getRun(UUID.randomUUID()))
                .isInstanceOfSatisfying(ResultsApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.problem()).isNull();
                });
        assertThat(attempts).hasValue(4);
    }

    @Test
    void unreachableServiceIsAClientExceptionAfterRetries() throws IOException {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } // nothing listens there now: connections are refused
        ResultsClient client = ResultsClient.builder(URI.create("http://127.0.0.1:" + port))
                .optConnectTimeout(Duration.ofSeconds(1))
                .optRequestTimeout(Duration.ofSeconds(2))
                .optMaxAttempts(3)
                .optBackoff(Duration.ofMillis(5), Duration.ofMillis(10))
                .build();
        assertThatThrownBy(() -> client.listExperiments())
                .isInstanceOf(ResultsClientException.class)
                .hasMessageContaining("after 3 attempts");
    }

    @Test
    void bufferReportsPointsItCouldNotDeliver() throws Exception {
        UUID runId = UUID.randomUUID();
        ResultsClient client = serve((exchange, attempt) -> reply(exchange, 409, "application/problem+json",
                "{\"status\":409,\"detail\":\"run is finished\",\"field\":\"runId\"}"));
        List<MetricPointRequest> undelivered = new CopyOnWriteArrayList<>();
        List<MetricBuffer.UndeliveredReason> reasons = new CopyOnWriteArrayList<>();
        MetricBuffer buffer = client.metricBuffer(runId, MetricBuffer.Options.defaults(), (points, reason, cause) -> {
            undelivered.addAll(points);
            reasons.add(reason);
        });
        for (int i = 0; i < 50; i++) {
            assertThat(buffer.log("loss", i, 1.0 / (i + 1))).isTrue();
        }
        assertThat(buffer.log("loss", 50, Double.NaN)).isFalse();
        buffer.close();
        assertThat(buffer.log("loss", 51, 1.0)).isFalse();

        MetricBuffer.Stats stats = buffer.stats();
        assertThat(stats.accepted()).isEqualTo(50);
        assertThat(stats.delivered()).isZero();
        assertThat(stats.failed()).isEqualTo(50);
        assertThat(stats.rejected()).isEqualTo(2);
        assertThat(stats.pending()).isZero();
        assertThat(undelivered).hasSize(52);
        assertThat(reasons).contains(MetricBuffer.UndeliveredReason.SEND_FAILED, MetricBuffer.UndeliveredReason.INVALID,
                MetricBuffer.UndeliveredReason.CLOSED);
    }

    @Test
    void fullBufferRejectsAndReportsInsteadOfGrowing() throws Exception {
        UUID runId = UUID.randomUUID();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger stored = new AtomicInteger();
        ResultsClient client = serve((exchange, attempt) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 201, "application/json", batchAnswer(runId, 0));
            stored.incrementAndGet();
        });
        AtomicInteger full = new AtomicInteger();
        MetricBuffer buffer = client.metricBuffer(runId,
                new MetricBuffer.Options(10, 5, Duration.ofMillis(5), Duration.ofSeconds(10)),
                (points, reason, cause) -> {
                    if (reason == MetricBuffer.UndeliveredReason.BUFFER_FULL) {
                        full.addAndGet(points.size());
                    }
                });
        int taken = 0;
        for (int i = 0; i < 100; i++) {
            taken += buffer.log("loss", i, 1.0) ? 1 : 0;
        }
        assertThat(full.get()).isPositive();
        assertThat(taken + full.get()).isEqualTo(100);
        release.countDown();
        assertThat(buffer.flush(Duration.ofSeconds(10))).isTrue();
        buffer.close();
        assertThat(buffer.stats().delivered()).isEqualTo(taken);
        assertThat(buffer.stats().rejected()).isEqualTo(full.get());
    }
}
