package io.chaoscast.results.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.contracts.results.MetricBuffer;
import io.chaoscast.contracts.results.MetricHistoryResponse;
import io.chaoscast.contracts.results.MetricPointRequest;
import io.chaoscast.contracts.results.ModelResponse;
import io.chaoscast.contracts.results.RegisterModelRequest;
import io.chaoscast.contracts.results.ResultsApiException;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.results.ResultsServiceTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The typed client and its MetricBuffer against the real service. */
class ResultsClientIntegrationTest extends ResultsServiceTest {

    @Test
    void bufferDeliversEveryPointFromSeveralThreads() throws Exception {
        ResultsClient client = client();
        RunResponse run = newRun(unique("buffer"));
        AtomicLong undelivered = new AtomicLong();
        MetricBuffer buffer = client.metricBuffer(run.id(),
                new MetricBuffer.Options(5_000, 2_000, Duration.ofSeconds(30), Duration.ofSeconds(60)),
                (points, reason, cause) -> undelivered.addAndGet(points.size()));
        Thread[] writers = new Thread[2];
        for (int w = 0; w < writers.length; w++) {
            String key = "loss/" + w;
            writers[w] = new Thread(() -> {
                for (int step = 0; step < 12_500; step++) {
                    buffer.log(key, step, 1.0 / (step + 1));
                }
            });
            writers[w].start();
        }
        for (Thread t : writers) {
            t.join();
        }
        assertThat(buffer.flush(Duration.ofSeconds(60))).isTrue();
        buffer.close();

        assertThat(undelivered).hasValue(0);
        assertThat(buffer.stats().delivered()).isEqualTo(25_000);
        MetricHistoryResponse h0 = client.metricHistory(run.id(), "loss/0", 0, 20_000);
        assertThat(h0.totalPoints()).isEqualTo(12_500);
        assertThat(h0.points().get(12_499).step()).isEqualTo(12_499);
        assertThat(client.getRun(run.id()).metrics().get("loss/1").step()).isEqualTo(12_499);
    }

    @Test
    void bufferReportsBatchesRefusedBecauseTheRunFinished() {
        ResultsClient client = client();
        RunResponse run = newRun(unique("buffer"));
        client.finishRun(run.id());
        List<Throwable> causes = new CopyOnWriteArrayList<>();
        AtomicLong failed = new AtomicLong();
        try (MetricBuffer buffer = client.metricBuffer(run.id(), MetricBuffer.Options.defaults(), (points, reason, cause) -> {
            failed.addAndGet(points.size());
            causes.add(cause);
        })) {
            for (int i = 0; i < 10; i++) {
                buffer.log("loss", i, 0.5);
            }
            buffer.flush();
            assertThat(buffer.stats().failed()).isEqualTo(10);
        }
        assertThat(failed).hasValue(10);
        assertThat(causes).allSatisfy(c -> assertThat(c).isInstanceOfSatisfying(ResultsApiException.class,
                e -> assertThat(e.status()).isEqualTo(409)));
    }

    @Test
    void clientCoversTheWholeRunLifecycle() {
        ResultsClient client = client();
        RunResponse run = newRun(unique("lifecycle"));
        client.logMetrics(run.id(), List.of(MetricPointRequest.of("mse", 0, 0.25)));
        byte[] weights = {9, 8, 7, 6};
        String sha = client.uploadArtifact(run.id(), "weights.bin", weights, "application/octet-stream").sha256();
        assertThat(client.downloadArtifactBytes(run.id(), "weights.bin")).isEqualTo(weights);
        assertThat(client.listArtifacts(run.id())).extracting(a -> a.sha256()).containsExactly(sha);
        assertThat(client.finishRun(run.id()).status().isTerminal()).isTrue();
        assertThat(client.latestMetrics(run.id())).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(0.25));
    }

    @Test
    void uploadAndRegistrationRepeatedWithTheSameKeyStoreOneArtifactAndOneVersion() {
        ResultsClient client = client();
        RunResponse run = newRun(unique("job"));
        byte[] model = {1, 2, 3, 4, 5};
        String name = unique("model");
        // what a training job does, then does again after a restart (a new client: a new process)
        ModelResponse first = uploadAndRegister(client, run, model, name);
        ModelResponse again = uploadAndRegister(client(), run, model, name);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(client.listModels(name, 0, 10).items()).hasSize(1);
        assertThat(client.listArtifacts(run.id())).hasSize(1);
    }

    private static ModelResponse uploadAndRegister(ResultsClient client, RunResponse run, byte[] model, String name) {
        client.uploadArtifact(run.id(), "model.zip", model, "application/zip", "job-" + run.id() + "-artifact");
        return client.registerModel(new RegisterModelRequest(name, run.id(), "model.zip", JsonNodeFactory.instance.objectNode().put("type", "linear")),
                "job-" + run.id() + "-model");
    }
}
