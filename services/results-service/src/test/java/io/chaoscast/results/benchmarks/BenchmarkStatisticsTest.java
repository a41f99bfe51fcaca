package io.chaoscast.results.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.contracts.benchmarks.BenchmarkCellResponse;
import io.chaoscast.contracts.datasets.SystemResponse;
import io.chaoscast.dynamics.metrics.BootstrapInterval;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BenchmarkStatisticsTest {

    @Test
    void spearmanIsOneForAnyIncreasingRelationAndMinusOneForADecreasingOne() {
        double[] x = {1, 2, 3, 4, 5};
        assertThat(SpearmanCorrelation.of(x, new double[] {1, 8, 27, 64, 125})).isCloseTo(1.0, within(1e-12));
        assertThat(SpearmanCorrelation.of(x, new double[] {5, 1, 0.5, 0.1, -3})).isCloseTo(-1.0, within(1e-12));
        assertThat(SpearmanCorrelation.of(x, new double[] {2, 2, 2, 2, 2})).isNaN();
        assertThat(SpearmanCorrelation.of(new double[] {1, 2}, new double[] {1, 2})).isNaN();
    }

    @Test
    void spearmanMatchesTheTextbookValueWithTies() {
        // Ranks of y with a tie: {1, 2.5, 2.5, 4}; Pearson of (1,2,3,4) with that is 0.9486833.
        assertThat(SpearmanCorrelation.ranks(new double[] {10, 20, 20, 30})).containsExactly(1, 2.5, 2.5, 4);
        assertThat(SpearmanCorrelation.of(new double[] {1, 2, 3, 4}, new double[] {10, 20, 20, 30})).isCloseTo(0.9486833, within(1e-6));
    }

    @Test
    void bootstrapIntervalHoldsTheMeanAndShrinksWithMoreData() {
        double[] small = new double[10];
        double[] large = new double[1000];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < large.length; i++) {
            large[i] = r.nextDouble();
            if (i < small.length) {
                small[i] = large[i];
            }
        }
        BootstrapInterval a = BootstrapInterval.of(small, 3);
        BootstrapInterval b = BootstrapInterval.of(large, 3);
        assertThat(a.low()).isLessThan(a.mean()).isLessThan(a.high());
        assertThat(b.low()).isLessThan(0.5).isGreaterThan(0.45);
        assertThat(b.high()).isGreaterThan(0.5).isLessThan(0.55);
        assertThat(b.high() - b.low()).isLessThan((a.high() - a.low()) / 3);
        assertThat(BootstrapInterval.of(small, 3)).isEqualTo(a);
        assertThat(BootstrapInterval.of(new double[] {2.0}, 0)).isEqualTo(new BootstrapInterval(1, 2, 2, 2, 2));
    }

    @Test
    void analysisRanksModelsPerSystemAndCorrelatesVptWithTheExponent() {
        UUID id = UUID.randomUUID();
        List<SystemResponse> systems = List.of(system("A", 0.5), system("B", 1.0), system("C", 2.0), system("D", 4.0));
        // Model "0:fast" loses skill as the exponent grows; "1:flat" is worse everywhere but A.
        double[] fast = {8, 4, 2, 1};
        double[] flat = {9, 1, 1.5, 0.5};
        List<BenchmarkCellResponse> cells = new java.util.ArrayList<>();
        Map<UUID, Map<String, Double>> metrics = new java.util.HashMap<>();
        int ordinal = 0;
        for (int s = 0; s < systems.size(); s++) {
            for (String model : List.of("0:fast", "1:flat")) {
                UUID run = UUID.randomUUID();
                String name = systems.get(s).name();
                // One cell whose training stopped where its losses stopped being finite: the table says so beside its metrics.
                String outcome = s == 3 && model.startsWith("0")
                        ? "training stopped at epoch 5 of 20: its losses were no longer finite; the model keeps the weights of epoch 4"
                        : null;
                cells.add(new BenchmarkCellResponse(id, ordinal++, name + "|" + model + "|0", name, model.substring(2), Map.of(), 0, "succeeded",
                        null, null, run, null, outcome, null, false));
                metrics.put(run, Map.of(BenchmarkAnalysis.VPT, model.startsWith("0") ? fast[s] : flat[s], "test_mse", 1.0));
            }
        }
        BenchmarkTable table = BenchmarkTable.of(id, cells, metrics);
        assertThat(table.metrics()).containsExactly("test_mse", BenchmarkAnalysis.VPT);
        String[] lines = table.csv().split("\r\n");
        assertThat(lines).hasSize(9);
        assertThat(lines[0]).isEqualTo("system,model,model_type,seed,state,run_id,training_outcome,test_mse,test_vpt_median");
        assertThat(lines[1]).endsWith(",,1.0,8.0");
        assertThat(lines[7]).startsWith("D,0:fast,fast,0,succeeded,")
                .endsWith(",training stopped at epoch 5 of 20: its losses were no longer finite; the model keeps the weights of epoch 4,1.0,1.0");
        assertThat(table.rows().get(6).trainingOutcome()).startsWith("training stopped at epoch 5 of 20");
        assertThat(table.rows().get(7).trainingOutcome()).isNull();

        var summary = BenchmarkAnalysis.of(table, systems);
        assertThat(summary.ranks().get("A")).containsEntry("1:flat", 1.0).containsEntry("0:fast", 2.0);
        assertThat(summary.ranks().get("B")).containsEntry("0:fast", 1.0);
        var fastSummary = summary.models().get(0);
        assertThat(fastSummary.model()).isEqualTo("0:fast");
        assertThat(fastSummary.meanRank()).isEqualTo(1.25);
        assertThat(fastSummary.correlations().get("maxLyapunov").rho()).isCloseTo(-1.0, within(1e-12));
        assertThat(fastSummary.correlations().get("lyapunovTime").rho()).isCloseTo(1.0, within(1e-12));
        assertThat(fastSummary.correlations().get("maxLyapunov").systems()).isEqualTo(4);
        assertThat(fastSummary.metrics().get(BenchmarkAnalysis.VPT).mean()).isEqualTo(3.75);
    }

    private static SystemResponse system(String name, double lambda) {
        return new SystemResponse(name, "flow", 3, Map.of(), new double[3], 1.0, lambda, 1 / lambda, 2.0, "", "", "analytic", null);
    }
}
