package io.chaoscast.inference.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.inference.support.RegistryServer;
import io.chaoscast.inference.support.TinyModels;
import io.chaoscast.testsupport.fuzz.ApiFuzzer;
import io.chaoscast.testsupport.fuzz.FuzzResult;
import io.chaoscast.testsupport.fuzz.FuzzSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every operation of inference-service, fuzzed from its OpenAPI document (see {@link ApiFuzzer}),
 * serving real tiny models from a registry that speaks results-service's contract.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzTest {

    private static final RegistryServer registry = start();
    private static final TinyModels models = TinyModels.get();
    private static final UUID earlyExit = registry.register("fuzz-ee", "early-exit", models.earlyExit, null);
    private static final UUID nvar = registry.register("fuzz-nvar", "nvar", models.nvar, null);

    @LocalServerPort
    int port;

    private static RegistryServer start() {
        try {
            return new RegistryServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("chaoscast.services.results-url", () -> registry.uri().toString());
        r.add("chaoscast.inference.device", () -> "cpu");
        r.add("chaoscast.inference.limits.max-horizon", () -> "200");
        r.add("chaoscast.inference.limits.max-batch-contexts", () -> "8");
        r.add("chaoscast.inference.telemetry.enabled", () -> "false");
        r.add("chaoscast.web.max-body-size", () -> "1MB");
        r.add("logging.level.io.chaoscast", () -> "ERROR");
    }

    /** Ten Lorenz states (the tiny models read the last 8). */
    private static String context() {
        StringBuilder sb = new StringBuilder("[");
        for (int t = 0; t < 10; t++) {
            sb.append(t == 0 ? "" : ",").append("[").append(1.0 + t * 0.1).append(",").append(2.0 - t * 0.05).append(",")
                    .append(20.0 + t * 0.2).append("]");
        }
        return sb.append("]").toString();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void everyOperationAnswersASuccessOrAProblemNeverA5xxOrAHang() {
        URI base = URI.create("http://localhost:" + port);
        FuzzResult result = ApiFuzzer.of("inference-service", base)
                .known("modelId", earlyExit.toString(), nvar.toString())
                .example("POST /api/v1/models/{modelId}/forecast",
                        "{\"context\": " + context() + ", \"horizon\": 6, \"exit\": {\"policy\": \"dynamic\", \"tolerance\": 0.05}}")
                .example("POST /api/v1/models/{modelId}/forecast/batch",
                        "{\"contexts\": [" + context() + ", " + context() + "], \"horizon\": 4}")
                .maxBodyBytes(1 << 20)
                .run(FuzzSettings.seed(), FuzzSettings.requests(), FuzzSettings.budget());
        FuzzSettings.report(result);
        assertThat(result.failures()).as(result.summary()).isEmpty();
    }
}
