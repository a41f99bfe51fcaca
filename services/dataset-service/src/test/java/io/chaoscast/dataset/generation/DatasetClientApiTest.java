package io.chaoscast.dataset.generation;

import io.chaoscast.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaoscast.contracts.datasets.DatasetClient;
import io.chaoscast.contracts.datasets.DatasetClientException;
import io.chaoscast.contracts.datasets.DatasetRequest;
import io.chaoscast.contracts.datasets.DatasetResponse;
import io.chaoscast.contracts.datasets.SystemResponse;
import io.chaoscast.dataset.ApiTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed client other services use, against the real service. */
class DatasetClientApiTest extends ApiTest {

    DatasetClient client() {
        return new DatasetClient(uri("/")).withToken(TestTokens.ADMIN);
    }

    @Test
    void fetchesSystemsAndSplitsAsArrays() {
        DatasetClient client = client();
        SystemResponse lorenz = client.system("lorenz");
        assertThat(lorenz.dimension()).isEqualTo(3);
        assertThat(client.systems()).extracting(SystemResponse::name).contains("Lorenz", "Henon");

        DatasetRequest recipe = DatasetRequest.builder("Rossler")
                .parameters(Map.of("c", 5.7))
                .initialConditions(List.of(List.of(1.0, 1.0, 0.0)))
                .length(30_000) // above the synchronous limit: exercises awaitReady
                .pointsPerPeriod(50)
                .split(0.5, 0.25, 0.25)
                .seed(1)
                .build();
        DatasetResponse d = client.createAndAwait(recipe, Duration.ofSeconds(120));
        assertThat(d.isReady()).isTrue();
        double[][][] train = client.split(d.id(), "train");
        double[][][] test = client.split(d.id(), "test");
        assertThat(train.length).isEqualTo(1);
        assertThat(train[0].length).isEqualTo(15_000);
        assertThat(test[0].length).isEqualTo(7_500);
        assertThat(train[0][0].length).isEqualTo(3);
        assertThat(client.split(d.id(), "all")[0][15_000]).isEqualTo(client.split(d.id(), "val")[0][0]);
        assertThat(client.create(recipe).id()).isEqualTo(d.id());
    }

    @Test
    void errorsCarryStatusAndCode() {
        DatasetClient client = client();
        assertThatThrownBy(() -> client.system("Nope"))
                .isInstanceOfSatisfying(DatasetClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("unknown-system");
                });
        assertThatThrownBy(() -> client.split("ab".repeat(32), "train"))
                .isInstanceOfSatisfying(DatasetClientException.class, e -> assertThat(e.status()).isEqualTo(404));
        DatasetResponse failed = client.create(DatasetRequest.builder("Logistic")
                .parameters(Map.of("r", 4.5))
                .initialConditions(List.of(List.of(0.5)))
                .build());
        assertThatThrownBy(() -> client.awaitReady(failed.id(), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(DatasetClientException.class, e -> assertThat(e.getMessage()).contains("diverged"));
    }
}
