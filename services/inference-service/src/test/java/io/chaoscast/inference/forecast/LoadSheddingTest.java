package io.chaoscast.inference.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.inference.support.Http;
import io.chaoscast.inference.support.Http.Reply;
import io.chaoscast.inference.support.RegistryServer;
import io.chaoscast.inference.support.TinyModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With a queue of one request, a burst is shed with 429 and Retry-After, never queued without bound. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadSheddingTest {

    private static final RegistryServer registry = start();
    private static final UUID model = registry.register("tiny-ee", "early-exit", TinyModels.get().earlyExit, null);

    @LocalServerPort
    int port;

    private static RegistryServer start() {
        try {
            return new RegistryServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("chaoscast.services.results-url", () -> registry.uri().toString());
        r.add("chaoscast.inference.device", () -> "cpu");
        r.add("chaoscast.inference.batching.queue-capacity", () -> "1");
        r.add("chaoscast.inference.batching.workers", () -> "1");
        r.add("chaoscast.inference.batching.max-batch-size", () -> "1");
        r.add("chaoscast.inference.telemetry.enabled", () -> "false");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void fullQueueAnswers429WithRetryAfter() throws Exception {
        Http http = new Http(port);
        Map<String, Object> body = Map.of(
                "context", TinyModels.get().contexts(1, 8)[0], "horizon", 400, "exit", Map.of("policy", "full"));
        assertThat(http.post("/api/v1/models/" + model + "/forecast", body).status()).isEqualTo(200);
        int n = 24;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            replies.add(pool.submit(() -> {
                go.await();
                return http.post("/api/v1/models/" + model + "/forecast", body);
            }));
        }
        go.countDown();
        int shed = 0;
        for (Future<Reply> f : replies) {
            Reply r = f.get();
            assertThat(r.status()).as(r.text()).isIn(200, 429);
            if (r.status() == 429) {
                shed++;
                assertThat(r.raw().headers().firstValue("Retry-After")).isPresent();
                assertThat(r.body().get("code").asString()).isEqualTo("busy");
            }
        }
        pool.shutdownNow();
        assertThat(shed).isPositive();
        assertThat(http.get("/actuator/prometheus").text()).contains("chaoscast_inference_rejected_total");
    }
}
