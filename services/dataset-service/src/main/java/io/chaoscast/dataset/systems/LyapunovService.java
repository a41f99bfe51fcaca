package io.chaoscast.dataset.systems;

import io.chaoscast.contracts.datasets.LyapunovRequest;
import io.chaoscast.contracts.datasets.LyapunovResponse;
import io.chaoscast.dataset.config.LyapunovProperties;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.dataset.web.DatasetError;
import io.chaoscast.web.problem.CommonError;
import io.chaoscast.dynamics.integration.DivergenceException;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.lyapunov.EstimationBudgetExceededException;
import io.chaoscast.dynamics.lyapunov.LyapunovEstimators;
import io.chaoscast.dynamics.lyapunov.LyapunovResult;
import io.chaoscast.dynamics.lyapunov.LyapunovSettings;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.SystemKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Service;

/**
 * On-demand Lyapunov estimates, bounded before they start: the duration in periods and an
 * estimate of the work are checked against {@link LyapunovProperties}, and only a few run at once.
 */
@Service
public class LyapunovService {

    private final SystemRegistry registry;
    private final LyapunovProperties limits;
    private final Semaphore permits;

    public LyapunovService(SystemRegistry registry, LyapunovProperties limits) {
        this.registry = registry;
        this.limits = limits;
        this.permits = new Semaphore(Math.max(1, limits.maxConcurrent()));
    }

    public LyapunovResponse estimate(String name, LyapunovRequest request) {
        LyapunovRequest r = request == null ? new LyapunovRequest(null, null, null, null) : request;
        ChaoticSystem system = registry.require(name);
        double[] p = registry.resolveParameters(system, r.parameters());
        int d = system.dimension(p);
        double[] initial = r.initialConditions() == null ? system.defaultInitialCondition(p) : state(r.initialConditions(), d);
        boolean spectrum = Boolean.TRUE.equals(r.spectrum());
        boolean adaptive = r.duration() == null;
        double periods = adaptive ? limits.defaultDurationPeriods() : r.duration();
        if (!Double.isFinite(periods) || periods < 1 || periods > limits.maxDurationPeriods()) {
            throw ApiException.limit(
                    "duration",
                    "duration must be between 1 and " + fmt(limits.maxDurationPeriods()) + " periods, found " + r.duration());
        }
        double perPeriod = (system.kind() == SystemKind.MAP ? 1 : limits.stepsPerPeriod()) * d * ((spectrum ? d : 1) + 1);
        double work = periods * perPeriod;
        if (work > limits.maxWork()) {
            throw ApiException.limit(
                    "duration",
                    "estimated work " + fmt(work) + " exceeds the budget " + fmt(limits.maxWork()) + " (periods x steps x dimension"
                            + " x tangent vectors); for " + system.name() + (spectrum ? " with the spectrum" : "")
                            + " duration may be at most " + fmt(Math.floor(limits.maxWork() / perPeriod)) + " periods");
        }
        double period = system.period();
        // Without a duration the estimate decides its own: batches until the standard error of the
        // largest exponent meets the target, at most as many periods as the work budget allows.
        LyapunovSettings settings = adaptive
                ? LyapunovSettings.adaptive(
                        system, spectrum, limits.transientPeriods(), periods, Math.floor(limits.maxWork() / perPeriod),
                        IntegrationSettings.DEFAULT)
                : new LyapunovSettings(periods * period, limits.transientPeriods() * period, spectrum, IntegrationSettings.DEFAULT);
        if (!permits.tryAcquire()) {
            throw new ApiException(
                    CommonError.BUSY, null, limits.maxConcurrent() + " Lyapunov estimates are already running; retry shortly");
        }
        LyapunovResult result;
        try {
            result = LyapunovEstimators.estimate(system, p, initial, settings, limits.timeout());
        } catch (EstimationBudgetExceededException e) {
            throw ApiException.limit(
                    "duration", "the estimate ran past its time limit of " + limits.timeout().toSeconds() + " s: " + e.getMessage());
        } catch (UnsupportedOperationException e) {
            throw new ApiException(DatasetError.NOT_IMPLEMENTED, null, "Lyapunov estimation is not available: " + e.getMessage());
        } catch (DivergenceException e) {
            throw new ApiException(DatasetError.DIVERGED, null, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(null, e.getMessage());
        } finally {
            permits.release();
        }
        Map<String, Object> used = new LinkedHashMap<>();
        used.put(adaptive ? "minDurationPeriods" : "durationPeriods", periods);
        used.put("transientPeriods", limits.transientPeriods());
        if (result.settings() != null) {
            used.putAll(result.settings());
        }
        return new LyapunovResponse(
                system.name(),
                system.parameterMap(p),
                initial,
                result.maxExponent(),
                Arrays.stream(result.spectrum()).mapToObj(LyapunovService::finiteOrNull).toArray(Double[]::new),
                finiteOrNull(result.kaplanYorkeDimension()),
                finiteOrNull(result.lyapunovTime()),
                result.method(),
                used,
                Arrays.stream(result.standardErrors()).mapToObj(LyapunovService::finiteOrNull).toArray(Double[]::new),
                finiteOrNull(result.maxExponentStandardError()),
                finiteOrNull(result.kaplanYorkeStandardError()),
                result.converged());
    }

    private static double[] state(List<Double> values, int d) {
        if (values.size() != d) {
            throw ApiException.invalid(
                    "initialConditions", "initialConditions must have " + d + " components (the dimension), found " + values.size());
        }
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            Double v = values.get(i);
            if (v == null || !Double.isFinite(v)) {
                throw ApiException.invalid(
                        "initialConditions[" + i + "]", "initialConditions[" + i + "] must be a finite number, found " + v);
            }
            out[i] = v;
        }
        return out;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
