package io.chaoscast.dataset.systems;

import io.chaoscast.contracts.datasets.SystemInvariants;
import io.chaoscast.contracts.datasets.SystemResponse;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.dataset.web.DatasetError;
import io.chaoscast.dynamics.catalog.InvariantTable;
import io.chaoscast.dynamics.catalog.Invariants;
import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.integration.MethodOfStepsIntegrator;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.DelaySystem;
import io.chaoscast.dynamics.systems.DiscreteMap;
import io.chaoscast.dynamics.systems.Flow;
import io.chaoscast.dynamics.systems.SystemKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The catalog and its invariants as the service sees them: look-ups that answer 404 when missing. */
@Component
public class SystemRegistry {

    private final SystemCatalog catalog = SystemCatalog.standard();
    private final InvariantTable invariants = InvariantTable.standard();

    /** @throws ApiException 404 naming the system */
    public ChaoticSystem require(String name) {
        return catalog.find(name)
                .orElseThrow(
                        () -> new ApiException(
                                DatasetError.UNKNOWN_SYSTEM,
                                "system",
                                "unknown system '" + name + "'; GET /api/v1/systems lists the " + catalog.size() + " known systems"));
    }

    /**
     * The parameters of a request resolved against the system's defaults, checked as far as they
     * can be before any integration: every value finite, and a delay inside the range the
     * integrator accepts (a tiny delay would otherwise start an integration without end).
     *
     * @throws ApiException for a non-finite value, naming {@code parameters.<name>}
     * @throws io.chaoscast.dynamics.systems.UnknownParameterException for a name the system lacks
     * @throws io.chaoscast.dynamics.systems.ParameterOutOfRangeException for a delay out of range
     */
    public double[] resolveParameters(ChaoticSystem system, Map<String, Double> overrides) {
        if (overrides != null) {
            for (Map.Entry<String, Double> e : overrides.entrySet()) {
                if (system.parameterNames().contains(e.getKey()) && (e.getValue() == null || !Double.isFinite(e.getValue()))) {
                    throw ApiException.invalid(
                            "parameters." + e.getKey(), "parameters." + e.getKey() + " must be a finite number, found " + e.getValue());
                }
            }
        }
        double[] p = system.resolveParameters(overrides);
        if (system instanceof DelaySystem delay) {
            new MethodOfStepsIntegrator().checkDelay(delay, p);
        }
        return p;
    }

    public Optional<ChaoticSystem> find(String name) {
        return catalog.find(name);
    }

    public List<SystemResponse> list(SystemKind kind, String query) {
        String q = query == null || query.isBlank() ? null : query.toLowerCase(Locale.ROOT);
        return catalog.all().stream()
                .filter(s -> kind == null || s.kind() == kind)
                .filter(s -> q == null
                        || s.name().toLowerCase(Locale.ROOT).contains(q)
                        || (s.info().description() != null && s.info().description().toLowerCase(Locale.ROOT).contains(q)))
                .map(this::describe)
                .toList();
    }

    /** Invariants hold at the default parameters only. */
    public Optional<Invariants> invariantsAt(ChaoticSystem system, double[] parameters) {
        if (!Arrays.equals(parameters, system.defaultParameters())) {
            return Optional.empty();
        }
        return invariants.find(system.name());
    }

    public SystemResponse describe(ChaoticSystem s) {
        Optional<Invariants> inv = invariants.find(s.name());
        return new SystemResponse(
                s.name(),
                s.kind().wireName(),
                s.dimension(),
                s.parameterMap(s.defaultParameters()),
                s.defaultInitialCondition(),
                s.period(),
                inv.map(Invariants::maxLyapunov).filter(Double::isFinite).orElse(null),
                inv.map(Invariants::lyapunovTime).filter(Double::isFinite).orElse(null),
                inv.map(Invariants::kaplanYorkeDimension).filter(Double::isFinite).orElse(null),
                s.info().description(),
                s.info().citation(),
                jacobian(s),
                inv.map(SystemRegistry::invariants).orElse(null));
    }

    static String jacobian(ChaoticSystem s) {
        boolean analytic;
        if (s instanceof Flow f) {
            analytic = f.hasAnalyticJacobian();
        } else if (s instanceof DiscreteMap m) {
            analytic = m.hasAnalyticJacobian();
        } else {
            return null;
        }
        return analytic ? "analytic" : "finite-difference";
    }

    static SystemInvariants invariants(Invariants i) {
        return new SystemInvariants(
                finite(i.maxLyapunov()),
                finite(i.maxLyapunovStandardError()),
                boxed(i.spectrum()),
                boxed(i.spectrumStandardErrors()),
                finite(i.kaplanYorkeDimension()),
                finite(i.kaplanYorkeStandardError()),
                finite(i.correlationDimension()),
                finite(i.correlationDimensionStandardError()),
                i.converged());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double[] boxed(double[] v) {
        return Arrays.stream(v).mapToObj(SystemRegistry::finite).toArray(Double[]::new);
    }
}
