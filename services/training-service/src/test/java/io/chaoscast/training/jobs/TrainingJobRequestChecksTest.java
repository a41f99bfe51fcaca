package io.chaoscast.training.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.contracts.datasets.DatasetClient;
import io.chaoscast.contracts.datasets.DatasetRequest;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.dataset.DatasetServiceApplication;
import io.chaoscast.results.ResultsServiceApplication;
import io.chaoscast.testsupport.PostgresIntegrationTest;
import io.chaoscast.testsupport.RunningService;
import io.chaoscast.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code POST /api/v1/training-jobs} refuses before anything is written, against the real
 * dataset- and results-service and real PostgreSQL. No worker runs: an accepted job stays queued,
 * so these checks need no training (and no DJL).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chaoscast.training.workers=0"})
@PostgresIntegrationTest
class TrainingJobRequestChecksTest {

    private static RunningService results;
    private static RunningService datasets;
    /** Lorenz, one trajectory of 2000 points: splits of 1400, 300 and 300. */
    private static String lorenz2000;
    /** Lorenz, one trajectory of 50 points: splits of 35, 7 and 8. */
    private static String lorenz50;

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) throws Exception {
        if (results == null) {
            results = RunningService.start(ResultsServiceApplication.class, "results", Map.of());
            datasets = RunningService.start(DatasetServiceApplication.class, "datasets",
                    Map.of("chaoscast.datasets.directory", Files.createTempDirectory("datasets").toString()));
            DatasetClient client = new DatasetClient(datasets.baseUri()).withToken(TestTokens.ADMIN);
            lorenz2000 = client.createAndAwait(DatasetRequest.builder("Lorenz").length(2000).build(), Duration.ofMinutes(2)).id();
            lorenz50 = client.createAndAwait(DatasetRequest.builder("Lorenz").length(50).seed(3L).build(), Duration.ofMinutes(2)).id();
        }
        registry.add("chaoscast.services.results-url", () -> results.baseUri().toString());
        registry.add("chaoscast.services.dataset-url", () -> datasets.baseUri().toString());
    }

    @AfterAll
    static void stop() {
        if (results != null) {
            results.close();
            datasets.close();
        }
    }

    private HttpResponse<String> submit(String body) throws Exception {
        return http.send(TestTokens.request(URI.create("http://localhost:" + port + "/api/v1/training-jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private ResultsClient resultsClient() {
        return ResultsClient.builder(results.baseUri()).optToken(TestTokens.ADMIN).build();
    }

    @Test
    void anExplicitNullBaseTakesTheDefaultAsEveryOtherOptionalFieldDoes() throws Exception {
        HttpResponse<String> r = submit("{\"datasetId\":\"" + lorenz2000 + "\",\"model\":{\"type\":\"early-exit\",\"base\":null,"
                + "\"blocks\":null},\"training\":{\"epochs\":null},\"evaluation\":null,\"experiment\":null}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        UUID runId = UUID.fromString(json.readTree(r.body()).get("runId").asText());
        assertThat(resultsClient().getRun(runId).params())
                .containsEntry("model.base", "nvar")
                .containsEntry("model.blocks", "8")
                .containsEntry("training.epochs", String.valueOf(TrainingSettings.DEFAULT_EPOCHS));
    }
}
