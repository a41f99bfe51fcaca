package io.chaoscast.results.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaoscast.contracts.results.LatestMetricResponse;
import io.chaoscast.contracts.results.MetricHistoryResponse;
import io.chaoscast.contracts.results.MetricPointRequest;
import io.chaoscast.contracts.results.MetricPointResponse;
import io.chaoscast.contracts.results.ResultsApiException;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.results.ResultsServiceTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MetricsApiTest extends ResultsServiceTest {

    private String metricsPath(UUID runId) {
        return "/api/v1/runs/" + runId + "/metrics";
    }

    private long storedPoints(UUID runId) {
        return jdbc.queryForObject("SELECT count(*) FROM results.metrics WHERE run_id = ?", Long.class, runId);
    }

    @Test
    void batchIsStoredWithFullHistoryAndLatestPerKey() {
        ResultsClient client = client();
        RunResponse run = newRun(unique("m"));
        List<MetricPointRequest> points = new ArrayList<>();
        Instant t0 = Instant.parse("2026-01-01T00:00:00.123456Z");
        for (int step = 9; step >= 0; step--) { // out of order on purpose: history comes back by step
            points.add(new MetricPointRequest("loss", 1.0 / (step + 1), step, t0.plusSeconds(step)));
            points.add(new MetricPointRequest("exit/2/mse", step * 2.0, step, t0.plusSeconds(step)));
        }
        assertThat(client.logMetrics(run.id(), points).accepted()).isEqualTo(20);

        List<LatestMetricResponse> latest = client.latestMetrics(run.id());
        assertThat(latest).extracting(LatestMetricResponse::key).containsExactly("exit/2/mse", "loss");
        assertThat(latest.get(1).step()).isEqualTo(9);
        assertThat(latest.get(1).value()).isEqualTo(0.1);
        assertThat(latest.get(1).timestamp()).isEqualTo(t0.plusSeconds(9));

        MetricHistoryResponse history = client.metricHistory(run.id(), "loss", 0, 100);
        assertThat(history.totalPoints()).isEqualTo(10);
        assertThat(history.points()).extracting(MetricPointResponse::step).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(history.points().get(0).timestamp()).isEqualTo(t0);
        MetricHistoryResponse page = client.metricHistory(run.id(), "exit/2/mse", 1, 4);
        assertThat(page.points()).extracting(MetricPointResponse::step).containsExactly(4L, 5L, 6L, 7L);
        assertThat(page.points()).extracting(MetricPointResponse::value).containsExactly(8.0, 10.0, 12.0, 14.0);
    }

    @Test
    void laterBatchMovesLatestOnlyForward() {
        ResultsClient client = client();
        RunResponse run = newRun(unique("m"));
        client.logMetrics(run.id(), List.of(new MetricPointRequest("acc", 0.8, 10, null)));
        client.logMetrics(run.id(), List.of(new MetricPointRequest("acc", 0.1, 3, null)));
        assertThat(client.getRun(run.id()).metrics().get("acc").value()).isEqualTo(0.8);
        client.logMetrics(run.id(), List.of(new MetricPointRequest("acc", 0.9, 10, null)));
        assertThat(client.getRun(run.id()).metrics().get("acc").value()).isEqualTo(0.9);
        // step 10 was written twice: the second write replaced the first
        assertThat(storedPoints(run.id())).isEqualTo(2);
        assertThat(client.metricHistory(run.id(), "acc", 0, 10).points())
                .extracting(MetricPointResponse::value)
                .containsExactly(0.1, 0.9);
    }

    @Test
    void sameStepSentAgainReplacesAndNeverDuplicates() {
        ResultsClient client = client();
        RunResponse run = newRun(unique("m"));
        List<MetricPointRequest> epochs = new ArrayList<>();
        for (int step = 1; step <= 12; step++) {
            epochs.add(new MetricPointRequest("train_loss", 1.0 / step, step, null));
        }
        client.logMetrics(run.id(), epochs);
        // a redo after a crash: the client sends steps 10..12 again (new idempotency key each call)
        client.logMetrics(run.id(), epochs.subList(9, 12));
        // and a batch that holds the same step twice keeps the later point
        client.logMetrics(run.id(), List.of(
                new MetricPointRequest("train_loss", 7.0, 12, null), new MetricPointRequest("train_loss", 8.0, 12, null)));
        MetricHistoryResponse history = client.metricHistory(run.id(), "train_loss", 0, 100);
        assertThat(history.totalPoints()).isEqualTo(12);
        assertThat(history.points()).extracting(MetricPointResponse::step).doesNotHaveDuplicates().hasSize(12);
        assertThat(history.points().get(11).value()).isEqualTo(8.0);
        assertThat(client.getRun(run.id()).metrics().get("train_loss").value()).isEqualTo(8.0);
        assertThat(storedPoints(run.id())).isEqualTo(12);
    }

    @Test
    void timestampsAtTheEdgesOfTheRangeAreStored() {
        RunResponse run = newRun(unique("m"));
        assertThat(post(metricsPath(run.id()), """
                [{"key":"a","value":1,"step":0,"timestamp":0},
                 {"key":"b","value":2,"step":0,"timestamp":"9999-12-31T23:59:59.999999Z"}]""").statusCode()).isEqualTo(201);
        List<LatestMetricResponse> latest = client().latestMetrics(run.id());
        assertThat(latest.get(0).timestamp()).isEqualTo(Instant.EPOCH);
        assertThat(latest.get(1).timestamp()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    @Test
    void timestampsMayBeIsoOrEpochMillisOrAbsent() {
        RunResponse run = newRun(unique("m"));
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> r = post(metricsPath(run.id()), """
                [{"key":"a","value":1,"step":0,"timestamp":"2026-02-03T04:05:06Z"},
                 {"key":"b","value":2,"step":0,"timestamp":1700000000123},
                 {"key":"c","value":3e-3,"step":0}]""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        List<LatestMetricResponse> latest = client().latestMetrics(run.id());
        assertThat(latest.get(0).timestamp()).isEqualTo(Instant.parse("2026-02-03T04:05:06Z"));
        assertThat(latest.get(1).timestamp()).isEqualTo(Instant.ofEpochMilli(1700000000123L));
        assertThat(latest.get(2).timestamp()).isAfter(before);
        assertThat(latest.get(2).value()).isEqualTo(3e-3);
    }

    @Test
    void everyBadPointIsRefusedByItsPathAndNothingIsStored() {
        RunResponse run = newRun(unique("m"));
        String path = metricsPath(run.id());
        String good = "{\"key\":\"loss\",\"value\":1.5,\"step\":1}";
        String[][] cases = {
            {"{\"key\":\"loss\",\"value\":\"NaN\",\"step\":1}", "value"},
            {"{\"key\":\"loss\",\"value\":NaN,\"step\":1}", "value"},
            {"{\"key\":\"loss\",\"value\":\"Infinity\",\"step\":1}", "value"},
            {"{\"key\":\"loss\",\"value\":-Infinity,\"step\":1}", "value"},
            {"{\"key\":\"loss\",\"value\":1e999,\"step\":1}", "value"},
            {"{\"key\":\"loss\",\"step\":1}", "value"},
            {"{\"key\":\"loss\",\"value\":null,\"step\":1}", "value"},
            {"{\"key\":\"\",\"value\":1,\"step\":1}", "key"},
            {"{\"value\":1,\"step\":1}", "key"},
            {"{\"key\":7,\"value\":1,\"step\":1}", "key"},
            {"{\"key\":\"" + "k".repeat(251) + "\",\"value\":1,\"step\":1}", "key"},
            {"{\"key\":\"loss\",\"value\":1,\"step\":-1}", "step"},
            {"{\"key\":\"loss\",\"value\":1,\"step\":1.5}", "step"},
            {"{\"key\":\"loss\",\"value\":1,\"step\":99999999999999999999}", "step"},
            {"{\"key\":\"loss\",\"value\":1}", "step"},
            {"{\"key\":\"loss\",\"value\":1,\"step\":1,\"timestamp\":\"yesterday\"}", "timestamp"},
            {"{\"key\":\"loss\",\"value\":1,\"step\":1,\"timestamp\":true}", "timestamp"},
            // Beyond what PostgreSQL stores, or before 1970: refused by the point, not by the database.
            {"{\"key\":\"loss\",\"value\":1,\"step\":1,\"timestamp\":\"+294277-01-01T00:00:00Z\"}", "timestamp"},
            {"{\"key\":\"loss\",\"value\":1,\"step\":1,\"timestamp\":\"+10000-01-01T00:00:00Z\"}", "timestamp"},
            {"{\"key\":\"loss\",\"value\":1,\"step\":1,\"timestamp\":9000000000000000}", "timestamp"},
            {"{\"key\":\"loss\",\"value\":1,\"step\":1,\"timestamp\":-1}", "timestamp"},
            {"{\"key\":\"lo\\u0000ss\",\"value\":1,\"step\":1}", "key"},
            {"{\"key\":\"loss\",\"value\":1,\"step\":1,\"stp\":1}", "stp"},
        };
        for (String[] c : cases) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 17; i++) {
                body.append(good).append(',');
            }
            body.append(c[0]).append(',').append(good).append(']');
            JsonNode p = assertProblem(post(path, body.toString()), 400, "metrics[17]." + c[1]);
            assertThat(p.path("detail").asString()).as(c[0]).contains("metrics[17]." + c[1]);
        }
        assertProblem(post(path, "[" + good + ",42]"), 400, "metrics[1]");
        var range = assertProblem(post(path, "[{\"key\":\"a\",\"value\":1,\"step\":1,\"timestamp\":\"+294277-01-01T00:00:00Z\"}]"),
                400, "metrics[0].timestamp");
        assertThat(range.path("detail").asString()).contains("between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z");
        var nul = assertProblem(post(path, "[{\"key\":\"a\\u0000\",\"value\":1,\"step\":1}]"), 400, "metrics[0].key");
        assertThat(nul.path("detail").asString()).contains("NUL character");
        assertThat(storedPoints(run.id())).isZero();
    }

    @Test
    void malformedOrEmptyBodiesAreRefused() {
        RunResponse run = newRun(unique("m"));
        String path = metricsPath(run.id());
        assertProblem(post(path, "[{\"key\":\"loss\",\"value\":1,"), 400, "metrics");
        assertProblem(post(path, "[]"), 400, "metrics");
        assertProblem(post(path, "{\"key\":\"loss\"}"), 400, "metrics");
        assertProblem(post(path, ""), 400, "metrics");
        assertProblem(post(path, "[{\"key\":\"a\",\"value\":1,\"step\":1}] [1]"), 400, "metrics");
        HttpResponse<String> text = send("POST", path, null, "Content-Type", "text/plain");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(storedPoints(run.id())).isZero();
    }

    @Test
    void batchOverThePointLimitIs413AndNothingIsStored() {
        RunResponse run = newRun(unique("m"));
        StringBuilder body = new StringBuilder(3_000_000).append('[');
        for (int i = 0; i <= 100_000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"key\":\"k\",\"value\":1,\"step\":").append(i).append('}');
        }
        body.append(']');
        assertProblem(post(metricsPath(run.id()), body.toString()), 413, "metrics");
        assertThat(storedPoints(run.id())).isZero();
    }

    @Test
    void batchOverTheByteLimitIs413() {
        RunResponse run = newRun(unique("m"));
        String key = "k".repeat(250);
        StringBuilder body = new StringBuilder(17_000_000).append('[');
        for (int i = 0; i < 65_000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"key\":\"").append(key).append("\",\"value\":1,\"step\":").append(i).append('}');
        }
        body.append(']');
        assertProblem(post(metricsPath(run.id()), body.toString()), 413, "metrics");
        assertThat(storedPoints(run.id())).isZero();
    }

    @Test
    void fullBatchOfOneHundredThousandPointsIsStored() {
        ResultsClient client = client();
        RunResponse run = newRun(unique("m"));
        List<MetricPointRequest> points = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            points.add(new MetricPointRequest("loss", Math.exp(-i * 1e-4), i, null));
        }
        assertThat(client.logMetrics(run.id(), points).accepted()).isEqualTo(100_000);
        MetricHistoryResponse all = client.metricHistory(run.id(), "loss", 0, 100_000);
        assertThat(all.points()).hasSize(100_000);
        assertThat(all.points().get(99_999).step()).isEqualTo(99_999);
        assertThat(all.points().get(12_345).value()).isEqualTo(Math.exp(-12_345 * 1e-4));
    }

    @Test
    void unknownRunIs404AndFinishedRunIs409() {
        String point = "[{\"key\":\"loss\",\"value\":1,\"step\":1}]";
        assertProblem(post(metricsPath(UUID.randomUUID()), point), 404, null);
        assertProblem(get(metricsPath(UUID.randomUUID())), 404, null);
        assertProblem(get(metricsPath(UUID.randomUUID()) + "/loss"), 404, null);

        ResultsClient client = client();
        for (String end : List.of("finished", "failed", "cancelled")) {
            RunResponse run = newRun(unique("m"));
            send("PATCH", "/api/v1/runs/" + run.id(), "{\"status\":\"" + end + "\"}");
            assertProblem(post(metricsPath(run.id()), point), 409, "runId");
            assertThatThrownBy(() -> client.logMetrics(run.id(), List.of(MetricPointRequest.of("loss", 1, 1.0))))
                    .isInstanceOfSatisfying(ResultsApiException.class, e -> assertThat(e.status()).isEqualTo(409));
            assertThat(storedPoints(run.id())).isZero();
        }
    }

    @Test
    void historyRefusesUnknownKeyAndBadPaging() {
        RunResponse run = newRun(unique("m"));
        client().logMetrics(run.id(), List.of(MetricPointRequest.of("loss", 0, 1.0)));
        assertProblem(get(metricsPath(run.id()) + "/nope"), 404, "key");
        assertProblem(get(metricsPath(run.id()) + "/loss?size=100001"), 400, "size");
        assertProblem(get(metricsPath(run.id()) + "/loss?page=-2"), 400, "page");
    }

    @Test
    void retriedBatchWithSameKeyIsStoredOnce() {
        RunResponse run = newRun(unique("m"));
        String body = "[{\"key\":\"loss\",\"value\":1,\"step\":1},{\"key\":\"loss\",\"value\":2,\"step\":2}]";
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post(metricsPath(run.id()), body, "Idempotency-Key", key);
        HttpResponse<String> again = post(metricsPath(run.id()), body, "Idempotency-Key", key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(storedPoints(run.id())).isEqualTo(2);

        assertProblem(post(metricsPath(run.id()), "[{\"key\":\"loss\",\"value\":3,\"step\":3}]", "Idempotency-Key", key),
                422, "Idempotency-Key");
        // A refused batch does not use up its key: fixed and resent, it goes through.
        String other = UUID.randomUUID().toString();
        assertProblem(post(metricsPath(run.id()), "[{\"key\":\"\",\"value\":3,\"step\":3}]", "Idempotency-Key", other),
                400, "metrics[0].key");
        client().finishRun(run.id());
        // Replays still answer after the run finished: the retry of a delivered batch is not an error.
        assertThat(post(metricsPath(run.id()), body, "Idempotency-Key", key).statusCode()).isEqualTo(201);
    }
}
