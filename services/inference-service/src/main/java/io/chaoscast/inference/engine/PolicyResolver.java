package io.chaoscast.inference.engine;

import io.chaoscast.models.calibration.RiskPoint;
import io.chaoscast.models.ForecasterSpec;
import io.chaoscast.models.calibration.CalibrationTable;
import io.chaoscast.models.calibration.RiskCalibration;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.Locale;

/** Turns an {@link ExitRequest} into an {@link ExitPolicy} for one model, checking every field. */
public final class PolicyResolver {

    /** Largest tolerance accepted: the calibration grid never measures beyond 10× full-depth error. */
    public static final double MAX_TOLERANCE = 10;

    /** Confidence range accepted for {@code exit.confidence}. */
    public static final double MIN_CONFIDENCE = 0.5;

    public static final double MAX_CONFIDENCE = 0.999;

    private PolicyResolver() {}

    /**
     * @param calibration the model's calibration table, or null
     * @throws InvalidForecastException naming the {@code exit.*} field at fault
     */
    public static ResolvedExit resolve(ExitRequest request, ForecasterSpec spec, CalibrationTable calibration) {
        return resolve(request, spec, calibration, null);
    }

    /**
     * @param risk the model's forecast-level (Learn-then-Test) calibration, or null; when present
     *     it decides {@code exit.tolerance} and {@code exit.confidence} and the default threshold
     * @throws InvalidForecastException naming the {@code exit.*} field at fault
     */
    public static ResolvedExit resolve(
            ExitRequest request, ForecasterSpec spec, CalibrationTable calibration, RiskCalibration risk) {
        ExitRequest r = request == null ? new ExitRequest(null, null, null, null) : request;
        String name = r.policy() == null ? "dynamic" : r.policy().trim().toLowerCase(Locale.ROOT);
        if (r.confidence() != null && !name.equals("dynamic")) {
            rejectField(true, "exit.confidence", name);
        }
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
                if (r.confidence() != null) {
                    if (r.threshold() != null) {
                        throw new InvalidForecastException(
                                "exit.confidence", "exit.confidence goes with exit.tolerance, not exit.threshold");
                    }
                    double c = r.confidence();
                    if (!(c >= MIN_CONFIDENCE && c <= MAX_CONFIDENCE)) {
                        throw new InvalidForecastException("exit.confidence", "exit.confidence must be between "
                                + MIN_CONFIDENCE + " and " + MAX_CONFIDENCE + ", found " + c);
                    }
                    if (risk == null) {
                        throw new UnsupportedExitException("exit.confidence",
                                "this model has no forecast-level risk calibration, so exit.confidence cannot be used;"
                                        + " re-train it, or give exit.tolerance alone");
                    }
                }
                if (risk != null && r.threshold() == null) {
                    double tol = r.tolerance() == null ? risk.tolerance() : r.tolerance();
                    double conf = r.confidence() == null ? risk.confidence() : r.confidence();
                    if (!(tol >= 0 && tol <= 1)) {
                        throw new InvalidForecastException(
                                "exit.tolerance", "exit.tolerance must be between 0 and 1, found " + tol);
                    }
                    RiskPoint chosen = risk.pointFor(tol, conf);
                    return new ResolvedExit(chosen.policy(), chosen.threshold(), tol, conf);
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
