package io.chaoscast.training.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.contracts.datasets.DatasetClient;
import io.chaoscast.contracts.datasets.DatasetRequest;
import io.chaoscast.contracts.results.ListRunsRequest;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.testsupport.PostgresIntegrationTest;
import io.chaoscast.testsupport.TestTokens;
import io.chaoscast.training.support.Upstreams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
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

    private static Upstreams upstreams;
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
        if (upstreams == null) {
            upstreams = Upstreams.start();
            DatasetClient client = upstreams.datasetClient();
            lorenz2000 = client.createAndAwait(DatasetRequest.builder("Lorenz").length(2000).build(), Duration.ofMinutes(2)).id();
            lorenz50 = client.createAndAwait(DatasetRequest.builder("Lorenz").length(50).seed(3L).build(), Duration.ofMinutes(2)).id();
        }
        upstreams.register(registry);
    }

    @AfterAll
    static void stop() {
        if (upstreams != null) {
            upstreams.close();
        }
    }

    private HttpResponse<String> submit(String body) throws Exception {
        return http.send(TestTokens.request(URI.create("http://localhost:" + port + "/api/v1/training-jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long jobCount() throws Exception {
        HttpResponse<String> r = http.send(TestTokens.request(URI.create("http://localhost:" + port + "/api/v1/training-jobs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body()).get("total").asLong();
    }

    private ResultsClient resultsClient() {
        return upstreams.resultsClient();
    }

    private long runCount() {
        return resultsClient().listRuns(ListRunsRequest.all()).totalItems();
    }

    /** A 400 invalid-field problem naming {@code field}, whose detail says {@code detail}. */
    private static void assertRefused(HttpResponse<String> r, String field, String detail) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("code").asText()).as(r.body()).isEqualTo("invalid-field");
        assertThat(p.get("field").asText()).as(r.body()).isEqualTo(field);
        assertThat(p.get("detail").asText()).as(r.body()).contains(detail);
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

    @Test
    void aJobTheDatasetCannotHoldIsRefusedWithTheRangeTheDatasetAllowsAndWritesNothing() throws Exception {
        long jobs = jobCount();
        long runs = runCount();
        // ESN: the warmup plus the 100 validation steps that tune the ridge penalty must fit the
        // val split (300 points): warmup at most 200.
        assertRefused(submit("{\"datasetId\":\"" + lorenz2000 + "\",\"model\":{\"type\":\"esn\",\"warmup\":100000,\"reservoirSize\":10}}"),
                "model.warmup", "must be between 1 and 200 for dataset " + lorenz2000);
        assertRefused(submit("{\"datasetId\":\"" + lorenz2000 + "\",\"model\":{\"type\":\"esn\",\"warmup\":201,\"reservoirSize\":10}}"),
                "model.warmup", "between 1 and 200");
        // Linear: the same for its order.
        assertRefused(submit("{\"datasetId\":\"" + lorenz2000 + "\",\"model\":{\"type\":\"linear\",\"order\":201}}"),
                "model.order", "between 1 and 200");
        // No order fits 7 validation points: the dataset is what is too short.
        assertRefused(submit("{\"datasetId\":\"" + lorenz50 + "\",\"model\":{\"type\":\"linear\",\"order\":2}}"),
                "datasetId", "its val split has 7 points per trajectory");
        assertRefused(submit("{\"datasetId\":\"" + lorenz50 + "\",\"model\":{\"type\":\"linear\",\"order\":2}}"),
                "datasetId", "it needs at least 101 points per trajectory");
        assertRefused(submit("{\"datasetId\":\"" + lorenz50 + "\",\"model\":{\"type\":\"esn\"}}"), "datasetId", "it needs at least 101 points per trajectory");
        // NVAR: its taps span (taps - 1) * skip + 1 states, plus one step.
        assertRefused(submit("{\"datasetId\":\"" + lorenz50 + "\",\"model\":{\"type\":\"nvar\",\"taps\":4,\"skip\":3}}"),
                "model.taps", "between 1 and 2");
        // Early exit: contextLength + horizon; the horizon is named when no context would fit it.
        assertRefused(submit("{\"datasetId\":\"" + lorenz50 + "\",\"model\":{\"type\":\"early-exit\",\"base\":\"none\","
                + "\"contextLength\":4,\"horizon\":5}}"), "model.contextLength", "between 1 and 2");
        assertRefused(submit("{\"datasetId\":\"" + lorenz50 + "\",\"model\":{\"type\":\"early-exit\",\"base\":\"none\","
                + "\"contextLength\":4,\"horizon\":7}}"), "model.horizon", "between 1 and 6");
        assertThat(jobCount()).isEqualTo(jobs);
        assertThat(runCount()).isEqualTo(runs);

        // The largest values the dataset allows are accepted.
        assertThat(submit("{\"datasetId\":\"" + lorenz2000 + "\",\"model\":{\"type\":\"esn\",\"warmup\":200,\"reservoirSize\":10}}")
                .statusCode()).isEqualTo(202);
        assertThat(submit("{\"datasetId\":\"" + lorenz2000 + "\",\"model\":{\"type\":\"linear\",\"order\":200}}").statusCode())
                .isEqualTo(202);
        assertThat(submit("{\"datasetId\":\"" + lorenz50 + "\",\"model\":{\"type\":\"nvar\",\"taps\":2,\"skip\":3}}").statusCode())
                .isEqualTo(202);
    }

    @Test
    void anUnknownFieldIsRefusedNamingItAndWritesNothing() throws Exception {
        long jobs = jobCount();
        long runs = runCount();
        String ds = "\"datasetId\":\"" + lorenz2000 + "\",\"model\":{\"type\":\"persistence\"}";
        assertRefused(submit("{" + ds + ",\"trainng\":{\"epochs\":1}}"), "trainng", "is not a known field; allowed: [");
        assertRefused(submit("{" + ds + ",\"training\":{\"epoch\":1}}"), "training.epoch", "earlyStoppingPatience");
        assertRefused(submit("{" + ds + ",\"evaluation\":{\"origin\":3}}"), "evaluation.origin", "horizonLyapunovTimes");
        assertRefused(submit("{" + ds + ",\"priority\":\"high\"}"), "priority", "is not a known field");
        assertThat(jobCount()).isEqualTo(jobs);
        assertThat(runCount()).isEqualTo(runs);
    }

    @Test
    void aFractionForAWholeNumberIsRefusedNotTruncated() throws Exception {
        long jobs = jobCount();
        long runs = runCount();
        String ds = "\"datasetId\":\"" + lorenz2000 + "\",\"model\":{\"type\":\"persistence\"}";
        assertRefused(submit("{" + ds + ",\"training\":{\"epochs\":1.5}}"), "training.epochs", "must be a whole number");
        assertRefused(submit("{" + ds + ",\"training\":{\"batchSize\":8.5}}"), "training.batchSize", "must be a whole number");
        assertRefused(submit("{" + ds + ",\"training\":{\"seed\":1.5}}"), "training.seed", "must be a whole number");
        assertRefused(submit("{" + ds + ",\"training\":{\"earlyStoppingPatience\":0.5}}"), "training.earlyStoppingPatience",
                "must be a whole number");
        assertRefused(submit("{" + ds + ",\"evaluation\":{\"origins\":7.5}}"), "evaluation.origins", "must be a whole number");
        assertThat(jobCount()).isEqualTo(jobs);
        assertThat(runCount()).isEqualTo(runs);
    }
}
