package io.chaoscast.training.models;

import io.chaoscast.contracts.models.ModelHyperparameterRanges;
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

    /** A hyperparameter: its range in the API's table and this service's default. */
    record Hyper(ModelHyperparameterRanges.Range range, double defaultValue) {

        String name() {
            return range.name();
        }
    }

    static List<Hyper> hyperparameters(String type, int dimension) {
        return hyperparameters(type, dimension, ModelTypes.REFERENCE_POINTS_PER_PERIOD);
    }

    /**
     * The ranges of the API's table ({@link ModelHyperparameterRanges}, which the results-service
     * checks benchmarks against too) with this service's defaults; the early-exit network's
     * context and horizon in the dataset's own sampling.
     */
    static List<Hyper> hyperparameters(String type, int dimension, double pointsPerPeriod) {
        ModelType modelType = ModelType.find(type).orElseThrow(() -> ApiException.invalidValue("model.type", "is unknown: " + type));
        Map<String, Double> defaults = defaults(modelType, dimension, pointsPerPeriod);
        return ModelHyperparameterRanges.ranges(modelType.id()).stream()
                .map(r -> new Hyper(r, defaults.get(r.name())))
                .toList();
    }

    /** The default of every hyperparameter of a type, by name. */
    static Map<String, Double> defaults(ModelType type, int dimension, double pointsPerPeriod) {
        Map<String, Double> d = new LinkedHashMap<>();
        switch (type) {
            case EARLY_EXIT -> {
                EarlyExitArchitecture a = ModelTypes.defaultArchitecture(dimension, pointsPerPeriod);
                TrainingSettings t = ModelTypes.defaultTraining(0);
                d.put("contextLength", (double) a.contextLength());
                d.put("horizon", (double) a.horizon());
                d.put("width", (double) a.width());
                d.put("blocks", (double) a.blocks());
                d.put("mlpRatio", (double) a.mlpRatio());
                d.put("uemHidden", (double) a.uemHidden());
                d.put("stride", (double) t.stride());
                d.put("inputNoise", t.inputNoise());
                d.put("timeBudgetSeconds", t.timeBudgetSeconds());
                d.put("tolerance", RiskCalibration.DEFAULT_TOLERANCE);
                d.put("confidence", RiskCalibration.DEFAULT_CONFIDENCE);
                d.put("rolloutPasses", (double) t.rolloutPasses());
                d.put("rolloutFraction", t.rolloutFraction());
                d.put("baseSearchSeconds", t.baseSearchSeconds());
                d.put("gradientClipNorm", t.gradientClipNorm());
                d.put("distillationWeight", ModelTypes.defaultLoss().distillationWeight());
            }
            case LINEAR -> d.put("order", (double) ModelTypes.LINEAR_AR_ORDER);
            case NVAR -> {
                d.put("taps", (double) ModelTypes.NVAR_TAPS);
                d.put("skip", (double) ModelTypes.NVAR_SKIP);
            }
            case ESN -> {
                d.put("reservoirSize", 400.0);
                d.put("spectralRadius", 0.9);
                d.put("leakRate", 0.5);
                d.put("inputScaling", 0.5);
                d.put("degree", 4.0);
                d.put("warmup", 200.0);
            }
            case PERSISTENCE -> {}
        }
        return d;
    }

    /** The early-exit network corrects the forecast of this base model ("none": no base). */
    static final List<String> BASES = ModelHyperparameterRanges.EARLY_EXIT_BASES;

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
        List<String> keys = ModelHyperparameterRanges.keys(type);
        for (String key : given.keySet()) {
            if (!keys.contains(key)) {
                throw ApiException.invalidValue("model." + key, "is not a hyperparameter of " + type + "; allowed: " + keys);
            }
        }
        for (Hyper h : hypers) {
            Object raw = given.get(h.name());
            double v = raw == null ? h.defaultValue() : number(h, raw);
            if (!h.range().accepts(v)) {
                throw ApiException.invalidValue("model." + h.name(), "must be " + h.range().describe() + ", found " + raw);
            }
            out.put(h.name(), h.range().integer() ? (Object) (int) v : (Object) v);
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
        DataNeed need = need(type, spec);
        int[] lengths = d.splitLengths();
        // The split that leaves the least room after its steps decides how long the context may be.
        int tightest = 0;
        for (int i = 1; i < SPLITS.length; i++) {
            if (lengths[i] - need.ahead()[i] < lengths[tightest] - need.ahead()[tightest]) {
                tightest = i;
            }
        }
        int room = lengths[tightest] - need.ahead()[tightest];
        if (need.context(need.value()) <= room) {
            return;
        }
        String where = "its " + SPLITS[tightest] + " split has " + lengths[tightest] + " points per trajectory, which must hold "
                + need.what() + " plus " + need.ahead()[tightest] + " (" + need.why()[tightest] + ")";
        if (need.field() != null && need.context(need.min()) <= room) {
            int max = (room - 1) / need.stride() + 1;
            throw ApiException.invalidValue(need.field(), "must be between " + need.min() + " and " + max + " for dataset " + d.id()
                    + ", found " + need.value() + ": " + where);
        }
        if (need.aheadField() != null && lengths[tightest] - need.context(need.min()) >= 1) {
            int max = lengths[tightest] - need.context(need.min());
            throw ApiException.invalidValue(need.aheadField(), "must be between 1 and " + max + " for dataset " + d.id()
                    + " (with the smallest context, " + need.min() + "), found " + need.ahead()[tightest] + ": " + where);
        }
        int least = need.context(need.min()) + need.ahead()[tightest];
        throw ApiException.invalid("datasetId", "dataset " + d.id() + " is too short for model type " + type + ": " + where + "; "
                + (need.field() == null ? "" : "even with " + need.field() + " " + need.min() + " ") + "it needs at least " + least
                + " points per trajectory there: use a longer dataset or a larger " + SPLITS[tightest] + " fraction");
    }

    private static final String[] SPLITS = {"train", "val", "test"};

    /**
     * What a job of a model needs of each split, in points per trajectory: a context, which one
     * hyperparameter sets, and the steps after it that the split is used for. Anything shorter
     * fails only once a worker has the job, so it is refused up front.
     *
     * @param field the hyperparameter that sets the context; null when none does (persistence)
     * @param value its value
     * @param min its smallest allowed value
     * @param stride states per unit of {@code field}: the context of {@code v} is {@code (v - 1) * stride + 1}
     * @param what the context, in words, for the error
     * @param ahead steps after the context, per split (train, val, test)
     * @param why what those steps are for, per split
     * @param aheadField the hyperparameter that sets {@code ahead} (the early-exit horizon), or null
     */
    private record DataNeed(String field, int value, int min, int stride, String what, int[] ahead, String[] why, String aheadField) {
        int context(int v) {
            return (v - 1) * stride + 1;
        }
    }

    private static DataNeed need(String type, Map<String, Object> spec) {
        // Linear and ESN pick their ridge penalty by free validation rollouts of this many steps
        // (RidgeTuning.best), which need at least one validation window of context plus rollout.
        int tune = ModelTypes.TUNE_HORIZON;
        String tuning = "the validation rollouts that tune the ridge penalty";
        return switch (ModelType.of(type)) {
            case EARLY_EXIT -> {
                int context = (int) spec.get("contextLength");
                int h = (int) spec.get("horizon");
                int min = EarlyExitArchitecture.BASE_NVAR.equals(spec.get("base")) ? ModelTypes.NVAR_TAPS : 1;
                yield new DataNeed("model.contextLength", context, min, 1, "contextLength (" + context + ")", new int[] {h, h, h},
                        new String[] {"the horizon", "the horizon", "the horizon"}, "model.horizon");
            }
            case LINEAR -> {
                int order = (int) spec.get("order");
                yield new DataNeed("model.order", order, 1, 1, "the order (" + order + ")", new int[] {1, tune, 1},
                        new String[] {"a step to fit on", tuning, "a step to forecast"}, null);
            }
            case NVAR -> {
                int taps = (int) spec.get("taps");
                int skip = (int) spec.get("skip");
                yield new DataNeed("model.taps", taps, 1, skip, "(taps - 1) * skip + 1 = " + ((taps - 1) * skip + 1) + " states",
                        new int[] {1, 1, 1}, new String[] {"a step to fit on", "a validation rollout step", "a step to forecast"}, null);
            }
            // The readout is fitted from the first state after the warmup on, against its successor.
            case ESN -> {
                int warmup = (int) spec.get("warmup");
                yield new DataNeed("model.warmup", warmup, 1, 1, "the warmup (" + warmup + ")", new int[] {2, tune, 1},
                        new String[] {"a state to fit the readout on and its successor", tuning, "a step to forecast"}, null);
            }
            case PERSISTENCE -> new DataNeed(null, 1, 1, 1, "one state", new int[] {1, 1, 1},
                    new String[] {"a step", "a step", "a step to forecast"}, null);
        };
    }

    private static double number(Hyper h, Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        throw ApiException.invalidValue("model." + h.name(), "must be a number, found " + raw);
    }
}
