package io.chaoscast.dataset.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.testsupport.TestTokens;
import io.chaoscast.contracts.datasets.DatasetClient;
import io.chaoscast.contracts.datasets.DatasetRequest;
import io.chaoscast.testsupport.PostgresIntegrationTest;
import io.chaoscast.testsupport.fuzz.ApiFuzzer;
import io.chaoscast.testsupport.fuzz.FuzzResult;
import io.chaoscast.testsupport.fuzz.FuzzSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operation of dataset-service, fuzzed from its OpenAPI document (see {@link ApiFuzzer}).
 * The limits are small so that the recipes the fuzzer gets accepted integrate in milliseconds.
 */
@PostgresIntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "chaoscast.datasets.directory=target/fuzz-datasets",
            "chaoscast.datasets.max-trajectories=2",
            "chaoscast.datasets.max-length=500",
            "chaoscast.datasets.max-total-points=1000",
            "chaoscast.datasets.max-integrated-periods=200",
            "chaoscast.datasets.max-transient-periods=100",
            "chaoscast.datasets.synchronous-max-points=1000",
            "chaoscast.lyapunov.max-work=100000",
            "chaoscast.lyapunov.max-duration-periods=20",
            "chaoscast.web.max-body-size=1MB",
            "logging.level.io.chaoscast=ERROR"
        })
class ApiFuzzTest {

    @LocalServerPort
    int port;

    @Test
    void everyOperationAnswersASuccessOrAProblemNeverA5xxOrAHang() {
        URI base = URI.create("http://localhost:" + port);
        String id = new DatasetClient(base).withToken(TestTokens.ADMIN).createAndAwait(
                DatasetRequest.builder("Lorenz").trajectories(1).length(200).pointsPerPeriod(20.0).seed(3L).build(),
                Duration.ofMinutes(1)).id();
        FuzzResult result = ApiFuzzer.of("dataset-service", base)
                .known("id", id)
                .known("name", "Lorenz", "Lorenz96", "Henon", "MackeyGlass", "Logistic")
                .example("POST /api/v1/datasets", "{\"system\": \"Lorenz\", \"trajectories\": 1, \"length\": 100,"
                        + " \"pointsPerPeriod\": 20, \"seed\": 1, \"parameters\": {\"rho\": 28.0}, \"noise\": 0.01}")
                .example("POST /api/v1/systems/{name}/lyapunov", "{\"duration\": 5, \"spectrum\": true}")
                .maxBodyBytes(1 << 20)
                .run(FuzzSettings.seed(), FuzzSettings.requests(), FuzzSettings.budget());
        FuzzSettings.report(result);
        assertThat(result.failures()).as(result.summary()).isEmpty();
    }
}
