package io.chaoscast.results.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.testsupport.TestTokens;
import io.chaoscast.contracts.results.CreateRunRequest;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunKind;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.testsupport.PostgresIntegrationTest;
import io.chaoscast.testsupport.fuzz.ApiFuzzer;
import io.chaoscast.testsupport.fuzz.FuzzResult;
import io.chaoscast.testsupport.fuzz.FuzzSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every operation of results-service, fuzzed from its OpenAPI document (see {@link ApiFuzzer}). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chaoscast.web.max-body-size=1MB", "results.artifacts.max-size=1MB", "logging.level.io.chaoscast=ERROR"})
@PostgresIntegrationTest
class ApiFuzzTest {

    @LocalServerPort
    int port;

    @Test
    void everyOperationAnswersASuccessOrAProblemNeverA5xxOrAHang() {
        URI base = URI.create("http://localhost:" + port);
        ResultsClient client = ResultsClient.builder(base).optToken(TestTokens.ADMIN).build();
        RunResponse run = client.createRun(new CreateRunRequest(
                "fuzz", null, RunKind.TRAINING, "Lorenz", "ds-1", "nvar", null, Map.of("lr", "0.1"), Map.of(), null));
        FuzzResult result = ApiFuzzer.of("results-service", base)
                .known("runId", run.id().toString())
                .known("id", run.id().toString())
                .known("experiment", "fuzz")
                .known("system", "Lorenz")
                .example("POST /api/v1/runs", "{\"experiment\": \"fuzz\", \"kind\": \"training\", \"systemName\": \"Lorenz\","
                        + " \"datasetId\": \"ds-1\", \"modelType\": \"nvar\", \"params\": {\"lr\": \"0.1\"}, \"tags\": {}}")
                .example("POST /api/v1/runs/{runId}/metrics",
                        "[{\"key\": \"loss\", \"value\": 0.5, \"step\": 1}, {\"key\": \"mse\", \"value\": 1.5, \"step\": 2}]")
                .maxBodyBytes(1 << 20)
                .run(FuzzSettings.seed(), FuzzSettings.requests(), FuzzSettings.budget());
        FuzzSettings.report(result);
        assertThat(result.failures()).as(result.summary()).isEmpty();
    }
}
