package io.chaoscast.results.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.contracts.results.CreateRunRequest;
import io.chaoscast.contracts.results.LeaderboardEntryResponse;
import io.chaoscast.contracts.results.LeaderboardResponse;
import io.chaoscast.contracts.results.MetricPointRequest;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.RunKind;
import io.chaoscast.contracts.results.RunResponse;
import io.chaoscast.contracts.results.SortOrder;
import io.chaoscast.results.ResultsServiceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderboardApiTest extends ResultsServiceTest {

    private RunResponse run(String system, String modelType, double vpt, boolean finish) {
        ResultsClient client = client();
        RunResponse run = client.createRun(new CreateRunRequest(unique("lb"), null, RunKind.EVALUATION, system, "d",
                modelType, null, Map.of(), Map.of(), null));
        client.logMetrics(run.id(), List.of(
                new MetricPointRequest("vpt", vpt / 2, 0, null), new MetricPointRequest("vpt", vpt, 1, null)));
        if (finish) {
            client.finishRun(run.id());
        }
        return run;
    }

    @Test
    void bestFinishedRunPerModelTypeIsRanked() {
        String system = unique("sys");
        RunResponse mlpBest = run(system, "mlp", 4.0, true);
        run(system, "mlp", 2.0, true);
        run(system, "mlp", 9.0, false); // still running: not on the board
        RunResponse esnBest = run(system, "esn", 6.0, true);
        run(system, "esn", 1.0, true);
        RunResponse nvar = run(system, "nvar", 3.0, true);
        run(unique("other"), "mlp", 100.0, true);

        LeaderboardResponse desc = client().leaderboard(system, "vpt", SortOrder.DESC);
        assertThat(desc.entries()).extracting(LeaderboardEntryResponse::modelType).containsExactly("esn", "mlp", "nvar");
        assertThat(desc.entries()).extracting(LeaderboardEntryResponse::runId)
                .containsExactly(esnBest.id(), mlpBest.id(), nvar.id());
        assertThat(desc.entries()).extracting(LeaderboardEntryResponse::rank).containsExactly(1, 2, 3);
        assertThat(desc.entries().get(0).value()).isEqualTo(6.0);
        assertThat(desc.entries().get(0).step()).isEqualTo(1);

        LeaderboardResponse asc = client().leaderboard(system, "vpt", SortOrder.ASC);
        assertThat(asc.entries()).extracting(LeaderboardEntryResponse::value).containsExactly(1.0, 2.0, 3.0);
        assertThat(client().leaderboard(system, "unknown-metric", null).entries()).isEmpty();
    }

    @Test
    void badQueriesAreRefused() {
        assertProblem(get("/api/v1/leaderboard?metric=vpt"), 400, "system");
        assertProblem(get("/api/v1/leaderboard?system=lorenz"), 400, "metric");
        assertProblem(get("/api/v1/leaderboard?system=lorenz&metric=vpt&order=best"), 400, "order");
    }
}
