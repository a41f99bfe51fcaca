package io.chaoscast.training.models;

import io.chaoscast.models.ModelType;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.models.ModelTypes;
import io.chaoscast.models.calibration.RiskCalibration;
import io.chaoscast.models.earlyexit.EarlyExitArchitecture;
import io.chaoscast.models.earlyexit.TrainingSettings;
import io.chaoscast.training.jobs.ModelSpecResolver;
import io.chaoscast.training.upstream.DatasetSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The hyperparameters each model type accepts, their defaults and their ranges. A request names
 * only what it wants to change; an unknown name or a value out of range is refused with the field
 * and the range, before anything is queued.
 */
@Component
public class ModelSpecs implements ModelSpecResolver {

    /** A hyperparameter: name, default, inclusive range, and whether it must be a whole number. */
    record Hyper(String name, double defaultValue, double min, double max, boolean integer) {}

    static List<Hyper> hyperparameters(String type, int dimension) {
        return hyperparameters(type, dimension, ModelTypes.REFERENCE_POINTS_PER_PERIOD);
    }

    /** With the early-exit network's context and horizon in the dataset's own sampling. */
    static List<Hyper> hyperparameters(String type, int dimension, double pointsPerPeriod) {
        ModelType modelType = ModelType.find(type).orElseThrow(() -> ApiException.invalidValue("model.type", "is unknown: " + type));
        return switch (modelType) {
            case EARLY_EXIT -> {
                EarlyExitArchitecture a = ModelTypes.defaultArchitecture(dimension, pointsPerPeriod);
                TrainingSettings t = ModelTypes.defaultTraining(0);
                yield List.of(
                        new Hyper("contextLength", a.contextLength(), 1, 1024, true),
                        new Hyper("horizon", a.horizon(), 1, 256, true),
                        new Hyper("width", a.width(), 4, 1024, true),
                        new Hyper("blocks", a.blocks(), 1, EarlyExitArchitecture.MAX_BLOCKS, true),
                        new Hyper("mlpRatio", a.mlpRatio(), 1, 8, true),
                        new Hyper("uemHidden", a.uemHidden(), 1, 1024, true),
                        new Hyper("stride", t.stride(), 1, 1000, true),
                        new Hyper("inputNoise", t.inputNoise(), 0, 1, false),
                        new Hyper("timeBudgetSeconds", t.timeBudgetSeconds(), 0, 86_400, false),
                        new Hyper("tolerance", RiskCalibration.DEFAULT_TOLERANCE, 0, 1, false),
                        new Hyper("confidence", RiskCalibration.DEFAULT_CONFIDENCE, 0.5, 0.999, false),
                        new Hyper("rolloutPasses", t.rolloutPasses(), 0, TrainingSettings.MAX_ROLLOUT_PASSES, true),
                        new Hyper("rolloutFraction", t.rolloutFraction(), 0, 1, false),
                        new Hyper("baseSearchSeconds", t.baseSearchSeconds(), 0, 3_600, false),
                        new Hyper("gradientClipNorm", t.gradientClipNorm(), 0, TrainingSettings.MAX_GRADIENT_CLIP_NORM, false),
                        new Hyper("distillationWeight", ModelTypes.defaultLoss().distillationWeight(), 0, 100, false));
            }
            case LINEAR -> List.of(new Hyper("order", ModelTypes.LINEAR_AR_ORDER, 1, 512, true));
            case NVAR -> List.of(new Hyper("taps", ModelTypes.NVAR_TAPS, 1, 16, true), new Hyper("skip", ModelTypes.NVAR_SKIP, 1, 100, true));
            case ESN -> List.of(
                    new Hyper("reservoirSize", 400, 10, 4000, true),
                    new Hyper("spectralRadius", 0.9, 0.01, 2, false),
                    new Hyper("leakRate", 0.5, 0.01, 1, false),
                    new Hyper("inputScaling", 0.5, 0.001, 10, false),
                    new Hyper("degree", 4, 1, 50, true),
                    new Hyper("warmup", 200, 1, 100_000, true));
            case PERSISTENCE -> List.of();
        };
    }

    /** The early-exit network corrects the forecast of this base model ("none": no base). */
    static final List<String> BASES = List.of(EarlyExitArchitecture.BASE_NVAR, EarlyExitArchitecture.BASE_NONE);

    @Override
    public Map<String, Object> resolve(String type, Map<String, Object> given, DatasetSummary dataset) {
        List<Hyper> hypers = hyperparameters(type, dataset.dimension(), pointsPerPeriod(dataset));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        if (type.equals(ModelType.EARLY_EXIT.id())) {
            // An explicit null takes the default, as it does for every hyperparameter below.
            Object base = given.get("base") == null ? ModelTypes.defaultArchitecture(dataset.dimension()).base() : given.get("base");
            if (!BASES.contains(base)) {
                throw ApiException.invalidValue("model.base", "must be one of " + BASES + ", found " + base);
            }
            out.put("base", base);
        }
        for (String key : given.keySet()) {
            if (key.equals("base") && type.equals(ModelType.EARLY_EXIT.id())) {
                continue;
            }
            if (hypers.stream().noneMatch(h -> h.name().equals(key))) {
                throw ApiException.invalidValue("model." + key,
                        "is not a hyperparameter of " + type + "; allowed: " + hypers.stream().map(Hyper::name).toList());
            }
        }
        for (Hyper h : hypers) {
            Object raw = given.get(h.name());
            double v = raw == null ? h.defaultValue() : number(h, raw);
            if (!Double.isFinite(v) || v < h.min() || v > h.max()) {
                throw ApiException.invalidValue("model." + h.name(), "must be " + (h.integer() ? "a whole number" : "a finite number")
                        + " between " + fmt(h.min()) + " and " + fmt(h.max()) + ", found " + raw);
            }
            if (h.integer() && v != Math.rint(v)) {
                throw ApiException.invalidValue("model." + h.name(), "must be a whole number, found " + raw);
            }
            out.put(h.name(), h.integer() ? (Object) (int) v : (Object) v);
        }
        checkAgainstData(type, out, dataset);
        return out;
    }

    /**
     * Points per characteristic period of a flow's dataset (its period over the sampling
     * interval); the reference 100 for maps and systems the catalog does not know.
     */
    static double pointsPerPeriod(DatasetSummary d) {
        var system = io.chaoscast.dynamics.catalog.SystemCatalog.standard().find(d.system());
        if (system.isEmpty() || system.get().kind() == io.chaoscast.dynamics.systems.SystemKind.MAP
                || !(d.samplingInterval() > 0) || !(system.get().period() > 0)) {
            return ModelTypes.REFERENCE_POINTS_PER_PERIOD;
        }
        return system.get().period() / d.samplingInterval();
    }

    private static void checkAgainstData(String type, Map<String, Object> spec, DatasetSummary d) {
        if (type.equals(ModelType.EARLY_EXIT.id()) && EarlyExitArchitecture.BASE_NVAR.equals(spec.get("base"))
                && (int) spec.get("contextLength") < ModelTypes.NVAR_TAPS) {
            throw ApiException.invalidValue("model.contextLength", "must be at least " + ModelTypes.NVAR_TAPS
                    + " with the nvar base (its delay taps), found " + spec.get("contextLength") + "; or set model.base to none");
        }
        int context = switch (ModelType.of(type)) {
            case EARLY_EXIT -> (int) spec.get("contextLength");
            case LINEAR -> (int) spec.get("order");
            case NVAR -> ((int) spec.get("taps") - 1) * (int) spec.get("skip") + 1;
            default -> 1;
        };
        int ahead = type.equals(ModelType.EARLY_EXIT.id()) ? (int) spec.get("horizon") : 1;
        String field = type.equals(ModelType.EARLY_EXIT.id()) ? "model.contextLength" : type.equals(ModelType.LINEAR.id()) ? "model.order" : "model.taps";
        int[] lengths = d.splitLengths();
        String[] names = {"train", "val", "test"};
        for (int i = 0; i < 3; i++) {
            if (lengths[i] < context + ahead) {
                throw ApiException.invalidValue(field, "needs " + context + " context states plus " + ahead
                        + " to predict, but the " + names[i] + " split of dataset " + d.id() + " has only " + lengths[i]
                        + " points per trajectory; use a longer dataset or a shorter context");
            }
        }
    }

    private static double number(Hyper h, Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        throw ApiException.invalidValue("model." + h.name(), "must be a number, found " + raw);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
