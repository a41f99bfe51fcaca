package io.chaoscast.training.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.contracts.datasets.DatasetRequest;
import io.chaoscast.testsupport.PostgresIntegrationTest;
import io.chaoscast.testsupport.fuzz.ApiFuzzer;
import io.chaoscast.testsupport.fuzz.FuzzResult;
import io.chaoscast.testsupport.fuzz.FuzzSettings;
import io.chaoscast.training.support.Upstreams;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every operation of training-service, fuzzed from its OpenAPI document (see {@link ApiFuzzer}),
 * against the real dataset- and results-service. No worker runs here: accepted jobs stay queued,
 * so the fuzzer exercises validation and the queue, not DJL.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chaoscast.training.workers=0", "chaoscast.web.max-body-size=1MB", "logging.level.io.chaoscast=ERROR"})
@PostgresIntegrationTest
class ApiFuzzTest {

    private static Upstreams upstreams;
    private static String datasetId;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) throws Exception {
        if (upstreams == null) {
            upstreams = Upstreams.start();
            datasetId = upstreams.datasetClient().createAndAwait(
                    DatasetRequest.builder("Lorenz").trajectories(1).length(300).pointsPerPeriod(50.0).seed(7L).build(),
                    Duration.ofMinutes(2)).id();
        }
        upstreams.register(registry);
    }

    @AfterAll
    static void stop() {
        if (upstreams != null) {
            upstreams.close();
        }
    }

    @Test
    void everyOperationAnswersASuccessOrAProblemNeverA5xxOrAHang() {
        URI base = URI.create("http://localhost:" + port);
        FuzzResult result = ApiFuzzer.of("training-service", base)
                .known("datasetId", datasetId)
                .known("type", "early-exit", "nvar", "mlp")
                .example("POST /api/v1/training-jobs", "{\"datasetId\": \"" + datasetId + "\", \"experiment\": \"fuzz\","
                        + " \"model\": {\"type\": \"nvar\", \"hyperparameters\": {}}, \"training\": {\"epochs\": 1, \"batchSize\": 8}}")
                .maxBodyBytes(1 << 20)
                .run(FuzzSettings.seed(), FuzzSettings.requests(), FuzzSettings.budget());
        FuzzSettings.report(result);
        assertThat(result.failures()).as(result.summary()).isEmpty();
    }
}
