package io.chaoscast.dataset.systems;

import io.chaoscast.contracts.datasets.LyapunovRequest;
import io.chaoscast.contracts.datasets.LyapunovResponse;
import io.chaoscast.contracts.datasets.SystemResponse;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.dynamics.systems.SystemKind;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog of systems and on-demand Lyapunov estimates. */
@RestController
@RequestMapping("/api/v1/systems")
public class SystemsController {

    private final SystemRegistry registry;
    private final LyapunovService lyapunov;

    public SystemsController(SystemRegistry registry, LyapunovService lyapunov) {
        this.registry = registry;
        this.lyapunov = lyapunov;
    }

    @Operation(summary = "List the catalog, optionally filtered by kind (flow, map, delay) and a substring of name or description")
    @GetMapping
    public List<SystemResponse> list(
            @RequestParam(required = false) String kind, @RequestParam(name = "q", required = false) String query) {
        return registry.list(parseKind(kind), query);
    }

    @Operation(summary = "One system: parameters, default state, period and tabulated invariants")
    @GetMapping("/{name}")
    public SystemResponse get(@PathVariable String name) {
        return registry.describe(registry.require(name));
    }

    @Operation(summary = "Estimate Lyapunov exponents (bounded duration and work; see docs/datasets.md)")
    @PostMapping("/{name}/lyapunov")
    public LyapunovResponse lyapunov(@PathVariable String name, @RequestBody(required = false) LyapunovRequest request) {
        return lyapunov.estimate(name, request);
    }

    private static SystemKind parseKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        for (SystemKind k : SystemKind.values()) {
            if (k.wireName().equals(kind.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw ApiException.invalid(
                "kind",
                "kind must be one of " + Arrays.stream(SystemKind.values()).map(SystemKind::wireName).toList() + ", found '" + kind + "'");
    }
}
