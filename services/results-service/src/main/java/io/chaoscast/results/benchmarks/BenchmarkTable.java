package io.chaoscast.results.benchmarks;

import io.chaoscast.contracts.benchmarks.BenchmarkCellResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The answer of a benchmark as a table: one row per cell (system, model, seed) and one column per
 * metric any cell's run logged (its latest value).
 *
 * @param metrics the metric keys, sorted
 * @param rows one per cell, in cell order
 */
record BenchmarkTable(UUID benchmarkId, List<String> metrics, List<Row> rows) {

    /**
     * @param model {@code index:type}, so two entries of one type with different hyperparameters stay apart
     * @param trainingOutcome how the cell's training ended (every epoch, stopped early, or where its
     *     losses stopped being finite) and which epoch's weights the model keeps; null for baselines
     * @param metrics the run's latest value of each metric it logged
     */
    record Row(
            int ordinal, String system, String model, String modelType, long seed, String state, UUID runId, String trainingOutcome,
            Map<String, Double> metrics) {}

    static BenchmarkTable of(UUID benchmarkId, List<BenchmarkCellResponse> cells, Map<UUID, Map<String, Double>> latestByRun) {
        TreeSet<String> keys = new TreeSet<>();
        latestByRun.values().stream().map(Map::keySet).forEach(keys::addAll);
        List<Row> rows = new ArrayList<>();
        for (BenchmarkCellResponse c : cells) {
            Map<String, Double> m = c.runId() == null ? Map.of() : latestByRun.getOrDefault(c.runId(), Map.of());
            rows.add(new Row(c.ordinal(), c.system(), modelLabel(c.key(), c.modelType()), c.modelType(), c.seed(), c.state(), c.runId(), c.trainingOutcome(), m));
        }
        return new BenchmarkTable(benchmarkId, List.copyOf(keys), rows);
    }

    /** The model part of a cell key {@code system|index:type|seed}. */
    static String modelLabel(String key, String type) {
        String[] parts = key.split("\\|");
        return parts.length == 3 ? parts[1] : type;
    }

    /** RFC 4180 CSV: a header, then one line per row; a metric a run did not log is empty. */
    String csv() {
        StringBuilder out = new StringBuilder("system,model,model_type,seed,state,run_id,training_outcome");
        metrics.forEach(k -> out.append(',').append(quote(k)));
        out.append("\r\n");
        for (Row r : rows) {
            out.append(quote(r.system())).append(',').append(quote(r.model())).append(',').append(quote(r.modelType())).append(',')
                    .append(r.seed()).append(',').append(r.state()).append(',').append(r.runId() == null ? "" : r.runId())
                    .append(',').append(r.trainingOutcome() == null ? "" : quote(r.trainingOutcome()));
            for (String k : metrics) {
                Double v = r.metrics().get(k);
                out.append(',').append(v == null ? "" : v.toString());
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static Collection<UUID> runIds(List<BenchmarkCellResponse> cells) {
        return cells.stream().map(BenchmarkCellResponse::runId).filter(java.util.Objects::nonNull).toList();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
