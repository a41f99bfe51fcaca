package io.chaoscast.inference.engine;

import io.chaoscast.models.ForecasterSpec;
import io.chaoscast.models.calibration.CalibrationTable;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.Locale;

/** Turns an {@link ExitRequest} into an {@link ExitPolicy} for one model, checking every field. */
public final class PolicyResolver {

    /** Largest tolerance accepted: the calibration grid never measures beyond 10× full-depth error. */
    public static final double MAX_TOLERANCE = 10;

    private PolicyResolver() {}

    /**
     * @param calibration the model's calibration table, or null
     * @throws InvalidForecastException naming the {@code exit.*} field at fault
     */
    public static ResolvedExit resolve(ExitRequest request, ForecasterSpec spec, CalibrationTable calibration) {
        ExitRequest r = request == null ? new ExitRequest(null, null, null, null) : request;
        String name = r.policy() == null ? "dynamic" : r.policy().trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "full" -> {
                rejectField(r.threshold() != null, "exit.threshold", "full");
                rejectField(r.tolerance() != null, "exit.tolerance", "full");
                rejectField(r.depth() != null, "exit.depth", "full");
                return new ResolvedExit(ExitPolicy.full(), null, null);
            }
            case "fixed" -> {
                rejectField(r.threshold() != null, "exit.threshold", "fixed");
                rejectField(r.tolerance() != null, "exit.tolerance", "fixed");
                if (r.depth() == null) {
                    throw new InvalidForecastException(
                            "exit.depth", "exit.depth is required for policy fixed: between 1 and " + spec.depth());
                }
                int d = r.depth();
                if (d < 1 || d > spec.depth()) {
                    throw new InvalidForecastException(
                            "exit.depth", "exit.depth must be between 1 and " + spec.depth() + ", found " + d);
                }
                return new ResolvedExit(ExitPolicy.fixed(d), null, null);
            }
            case "dynamic" -> {
                rejectField(r.depth() != null, "exit.depth", "dynamic");
                if (r.threshold() != null && r.tolerance() != null) {
                    throw new InvalidForecastException(
                            "exit.tolerance", "give exit.threshold or exit.tolerance, not both");
                }
                if (r.threshold() != null) {
                    double t = r.threshold();
                    if (!(t >= 0 && t <= 1)) {
                        throw new InvalidForecastException(
                                "exit.threshold", "exit.threshold must be between 0 and 1, found " + t);
                    }
                    return new ResolvedExit(ExitPolicy.dynamic(t), t, null);
                }
                if (r.tolerance() != null) {
                    double tol = r.tolerance();
                    if (!(tol >= 0 && tol <= MAX_TOLERANCE)) {
                        throw new InvalidForecastException(
                                "exit.tolerance",
                                "exit.tolerance must be between 0 and " + MAX_TOLERANCE + ", found " + tol);
                    }
                    if (calibration == null) {
                        throw new UnsupportedExitException(
                                "exit.tolerance",
                                "this model has no calibration table, so exit.tolerance cannot be used;"
                                        + " give exit.threshold (0 to 1) instead");
                    }
                    double t = calibration.thresholdFor(tol);
                    return new ResolvedExit(ExitPolicy.dynamic(t), t, tol);
                }
                if (calibration == null) {
                    // Models without an uncertainty calibration run at full depth by default.
                    return new ResolvedExit(ExitPolicy.full(), null, null);
                }
                double t = calibration.threshold();
                return new ResolvedExit(ExitPolicy.dynamic(t), t, calibration.tolerance());
            }
            default ->
                throw new InvalidForecastException(
                        "exit.policy",
                        "exit.policy must be one of dynamic, full, fixed, found '" + r.policy() + "'");
        }
    }

    private static void rejectField(boolean present, String field, String policy) {
        if (present) {
            throw new InvalidForecastException(field, field + " does not apply to policy " + policy);
        }
    }
}
