package io.chaoscast.results.benchmarks;

import io.chaoscast.contracts.benchmarks.BenchmarkProtocol;
import io.chaoscast.contracts.datasets.SystemResponse;
import io.chaoscast.results.web.Fields;
import io.chaoscast.web.problem.ApiException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Checks a benchmark request and expands it into cells (system x model x seed), before anything is
 * written: a refused request leaves nothing behind.
 */
@Component
class BenchmarkPlanner {

    static final int MAX_MODELS = 20;
    static final int MAX_SEEDS = 20;
    static final int MAX_CELLS = 10_000;
    static final int MAX_NAME_LENGTH = 200;
    private static final Set<String> KINDS = Set.of("flow", "map", "delay");

    /** What a request expands to. */
    record Plan(String name, BenchmarkProtocol protocol, List<SystemResponse> systems, List<Map<String, Object>> models, List<Long> seeds) {

        int cellCount() {
            return systems.size() * models.size() * seeds.size();
        }
    }

    Plan plan(BenchmarkRequest request, Supplier<List<SystemResponse>> catalog) {
        if (request == null) {
            throw ApiException.invalidValue("body", "is required");
        }
        String name = request.name() == null || request.name().isBlank() ? null : request.name().strip();
        Fields.optional("name", name, MAX_NAME_LENGTH);
        BenchmarkProtocol protocol = Protocols.resolve(request.protocol());
        List<Map<String, Object>> models = models(request.models());
        List<Long> seeds = seeds(request.seeds());
        checkSelectionShape(request.systems());
        List<SystemResponse> systems = systems(request.systems(), catalog.get());
        long cells = (long) systems.size() * models.size() * seeds.size();
        if (cells > MAX_CELLS) {
            throw ApiException.invalidValue("systems", "x models x seeds must be at most " + MAX_CELLS + " cells, found " + cells);
        }
        if (name == null) {
            name = protocol.name() + " " + LocalDate.now(ZoneOffset.UTC);
        }
        return new Plan(name, protocol, systems, models, seeds);
    }

    private static List<Map<String, Object>> models(List<Map<String, Object>> models) {
        if (models == null || models.isEmpty() || models.size() > MAX_MODELS) {
            throw ApiException.invalidValue("models", "must hold 1 to " + MAX_MODELS + " models, found " + (models == null ? 0 : models.size()));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            Map<String, Object> m = models.get(i) == null ? Map.of() : models.get(i);
            // The training-service's rules, so that a model it would refuse is refused here, not in every cell.
            ModelHyperparameters.check("models[" + i + "]", m);
            out.add(new LinkedHashMap<>(m));
        }
        return out;
    }

    private static List<Long> seeds(List<Long> seeds) {
        if (seeds == null) {
            return List.of(0L);
        }
        if (seeds.isEmpty() || seeds.size() > MAX_SEEDS) {
            throw ApiException.invalidValue("seeds", "must hold 1 to " + MAX_SEEDS + " seeds, found " + seeds.size());
        }
        for (int i = 0; i < seeds.size(); i++) {
            if (seeds.get(i) == null || seeds.get(i) < 0) {
                throw ApiException.invalidValue("seeds[" + i + "]", "must be a non-negative integer, found " + seeds.get(i));
            }
        }
        if (new LinkedHashSet<>(seeds).size() != seeds.size()) {
            throw ApiException.invalidValue("seeds", "must not repeat a seed, found " + seeds);
        }
        return List.copyOf(seeds);
    }

    private static void checkSelectionShape(BenchmarkRequest.SystemSelection s) {
        int given = s == null ? 0 : (s.names() != null ? 1 : 0) + (s.kind() != null ? 1 : 0) + (Boolean.TRUE.equals(s.all()) ? 1 : 0);
        if (given != 1) {
            throw ApiException.invalidValue("systems", "must give exactly one of names (a list), kind (flow, map or delay) or all (true)");
        }
        if (s.names() != null && (s.names().isEmpty() || s.names().size() > MAX_CELLS)) {
            throw ApiException.invalidValue("systems.names", "must hold 1 to " + MAX_CELLS + " names, found " + s.names().size());
        }
        if (s.kind() != null && !KINDS.contains(s.kind())) {
            throw ApiException.invalidValue("systems.kind", "must be one of [delay, flow, map], found '" + s.kind() + "'");
        }
    }

    private static List<SystemResponse> systems(BenchmarkRequest.SystemSelection s, List<SystemResponse> catalog) {
        Map<String, SystemResponse> byName = new LinkedHashMap<>();
        catalog.forEach(r -> byName.put(r.name(), r));
        if (s.names() != null) {
            List<SystemResponse> out = new ArrayList<>();
            Set<String> seen = new TreeSet<>();
            for (int i = 0; i < s.names().size(); i++) {
                String n = s.names().get(i);
                SystemResponse r = byName.get(n);
                if (r == null) {
                    throw ApiException.invalidValue("systems.names[" + i + "]", "must name a catalog system (GET /api/v1/systems on the dataset-service), found '" + n + "'");
                }
                if (seen.add(n)) {
                    out.add(r);
                }
            }
            return out;
        }
        List<SystemResponse> out = catalog.stream()
                .filter(r -> s.kind() == null || s.kind().equals(r.kind()))
                .filter(r -> r.lyapunovTime() != null)
                .toList();
        if (out.isEmpty()) {
            throw ApiException.invalidValue("systems.kind", "selects no catalog system with a known Lyapunov time");
        }
        return out;
    }
}
