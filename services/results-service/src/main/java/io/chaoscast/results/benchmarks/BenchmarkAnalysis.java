package io.chaoscast.results.benchmarks;

import io.chaoscast.contracts.datasets.SystemResponse;
import io.chaoscast.dynamics.metrics.BootstrapInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The summary of a benchmark: per model, every metric's mean with a bootstrap confidence interval
 * over its cells; the rank of each model on each system by VPT; and the Spearman correlation of
 * each model's VPT with the systems' invariants, the study's question of whether skill follows
 * the Lyapunov exponent.
 */
final class BenchmarkAnalysis {

    /** The metric models are ranked and correlated by. */
    static final String VPT = "test_vpt_median";

    /** The invariants of the dataset-service's catalog that VPT is correlated with. */
    static final Map<String, Function<SystemResponse, Double>> INVARIANTS = invariants();

    private BenchmarkAnalysis() {}

    /**
     * @param correlations per invariant: Spearman's rho and the number of systems it is over
     * @param meanRank mean over systems of the model's rank by VPT (1 = best); null without VPT
     */
    record ModelSummary(String model, String modelType, int cells, int succeeded, Map<String, BootstrapInterval> metrics, Double meanRank,
            Map<String, Correlation> correlations) {}

    /** {@code rho} is null with fewer than three systems or a constant side. */
    record Correlation(Double rho, int systems) {}

    /**
     * @param ranks per system, the rank of each model by its seed-mean VPT (1 = longest)
     */
    record Summary(String rankedBy, double confidenceLevel, List<ModelSummary> models, Map<String, Map<String, Double>> ranks) {}

    static Summary of(BenchmarkTable table, List<SystemResponse> systems) {
        Map<String, SystemResponse> bySystem = new LinkedHashMap<>();
        systems.forEach(s -> bySystem.put(s.name(), s));
        Map<String, List<BenchmarkTable.Row>> byModel = new LinkedHashMap<>();
        table.rows().forEach(r -> byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r));

        // VPT per (model, system), averaged over seeds.
        Map<String, Map<String, Double>> vpt = new LinkedHashMap<>();
        byModel.forEach((model, rows) -> {
            Map<String, double[]> acc = new LinkedHashMap<>();
            for (BenchmarkTable.Row r : rows) {
                Double v = r.metrics().get(VPT);
                if (v != null && Double.isFinite(v)) {
                    double[] a = acc.computeIfAbsent(r.system(), k -> new double[2]);
                    a[0] += v;
                    a[1]++;
                }
            }
            Map<String, Double> mean = new LinkedHashMap<>();
            acc.forEach((s, a) -> mean.put(s, a[0] / a[1]));
            vpt.put(model, mean);
        });

        Map<String, Map<String, Double>> ranks = new TreeMap<>();
        for (String system : bySystem.keySet()) {
            List<String> models = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            vpt.forEach((model, perSystem) -> {
                if (perSystem.containsKey(system)) {
                    models.add(model);
                    values.add(-perSystem.get(system));
                }
            });
            if (models.isEmpty()) {
                continue;
            }
            double[] r = SpearmanCorrelation.ranks(values.stream().mapToDouble(Double::doubleValue).toArray());
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < models.size(); i++) {
                m.put(models.get(i), r[i]);
            }
            ranks.put(system, m);
        }

        List<ModelSummary> out = new ArrayList<>();
        long seed = 0;
        for (var e : byModel.entrySet()) {
            String model = e.getKey();
            List<BenchmarkTable.Row> rows = e.getValue();
            Map<String, BootstrapInterval> metrics = new TreeMap<>();
            for (String key : table.metrics()) {
                double[] values = rows.stream().map(r -> r.metrics().get(key)).filter(v -> v != null && Double.isFinite(v))
                        .mapToDouble(Double::doubleValue).toArray();
                if (values.length > 0) {
                    metrics.put(key, BootstrapInterval.of(values, seed++));
                }
            }
            double[] modelRanks = ranks.values().stream().map(m -> m.get(model)).filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
            Double meanRank = modelRanks.length == 0 ? null : java.util.Arrays.stream(modelRanks).average().orElseThrow();
            Map<String, Correlation> correlations = new LinkedHashMap<>();
            INVARIANTS.forEach((name, f) -> {
                List<double[]> pairs = new ArrayList<>();
                vpt.get(model).forEach((system, v) -> {
                    Double inv = bySystem.containsKey(system) ? f.apply(bySystem.get(system)) : null;
                    if (inv != null && Double.isFinite(inv)) {
                        pairs.add(new double[] {v, inv});
                    }
                });
                double rho = SpearmanCorrelation.of(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
                correlations.put(name, new Correlation(Double.isNaN(rho) ? null : rho, pairs.size()));
            });
            int succeeded = (int) rows.stream().filter(r -> "succeeded".equals(r.state())).count();
            out.add(new ModelSummary(model, rows.get(0).modelType(), rows.size(), succeeded, metrics, meanRank, correlations));
        }
        return new Summary(VPT, BootstrapInterval.LEVEL, out, ranks);
    }

    private static Map<String, Function<SystemResponse, Double>> invariants() {
        Map<String, Function<SystemResponse, Double>> m = new LinkedHashMap<>();
        m.put("maxLyapunov", SystemResponse::maxLyapunov);
        m.put("kaplanYorkeDimension", SystemResponse::kaplanYorkeDimension);
        m.put("lyapunovTime", SystemResponse::lyapunovTime);
        m.put("dimension", s -> (double) s.dimension());
        m.put("period", SystemResponse::period);
        return m;
    }
}
