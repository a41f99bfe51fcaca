package io.chaoscast.dataset.generation;

import io.chaoscast.contracts.datasets.DatasetRecipe;
import io.chaoscast.contracts.datasets.DatasetRequest;
import io.chaoscast.contracts.datasets.SplitFractions;
import io.chaoscast.dataset.config.DatasetProperties;
import io.chaoscast.dataset.systems.SystemRegistry;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.SystemKind;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a posted recipe against the limits and fills in the defaults, so that every recipe that
 * reaches the generator is valid and every valid meaning has one spelling (and so one id).
 */
@Component
public class RecipeNormalizer {

    /** Bumped whenever the same recipe would produce other bytes. */
    public static final int GENERATOR_VERSION = 1;

    public static final int DEFAULT_LENGTH = 1000;
    public static final double DEFAULT_POINTS_PER_PERIOD = 100;
    public static final double DEFAULT_TRANSIENT_PERIODS = 10;
    public static final double SPLIT_TOLERANCE = 1e-9;

    private final SystemRegistry registry;
    private final DatasetProperties limits;

    public RecipeNormalizer(SystemRegistry registry, DatasetProperties limits) {
        this.registry = registry;
        this.limits = limits;
    }

    /** A request checked against the limits: the recipe to store and hash, and the plan to run it. */
    public record Normalized(DatasetRecipe recipe, GenerationPlan plan) {}

    /**
     * Checks a request and resolves it once: the system is looked up and the parameters resolved
     * here only, and both the stored recipe and the generator's plan are built from them.
     */
    public Normalized normalize(DatasetRequest r) {
        if (r == null) {
            throw ApiException.invalid(null, "a recipe is required, e.g. {\"system\": \"Lorenz\", \"length\": 1000}");
        }
        if (r.system() == null || r.system().isBlank()) {
            throw ApiException.invalid("system", "system is required; GET /api/v1/systems lists the names");
        }
        ChaoticSystem system = registry.require(r.system());
        double[] p = registry.resolveParameters(system, r.parameters());
        int d = system.dimension(p);
        if (d < 1 || d > limits.maxDimension()) {
            throw ApiException.limit(
                    "parameters", "these parameters give dimension " + d + "; allowed 1 to " + limits.maxDimension());
        }

        List<double[]> initial = null;
        int trajectories;
        if (r.initialConditions() != null) {
            initial = states(r.initialConditions(), d);
            trajectories = initial.size();
            if (r.trajectories() != null && r.trajectories() != trajectories) {
                throw ApiException.invalid(
                        "trajectories",
                        "trajectories is " + r.trajectories() + " but " + trajectories + " initialConditions were given;"
                                + " give one state per trajectory or omit trajectories");
            }
        } else {
            trajectories = r.trajectories() == null ? 1 : r.trajectories();
        }
        if (trajectories < 1 || trajectories > limits.maxTrajectories()) {
            throw ApiException.limit(
                    r.initialConditions() != null ? "initialConditions" : "trajectories",
                    "trajectories must be between 1 and " + limits.maxTrajectories() + ", found " + trajectories);
        }
        int length = r.length() == null ? DEFAULT_LENGTH : r.length();
        if (length < 1 || length > limits.maxLength()) {
            throw ApiException.limit("length", "length must be between 1 and " + limits.maxLength() + ", found " + length);
        }
        long points = (long) trajectories * length;
        if (points > limits.maxTotalPoints()) {
            throw ApiException.limit(
                    "length",
                    "trajectories x length = " + points + " points exceeds the limit of " + limits.maxTotalPoints()
                            + " points per dataset");
        }
        if (points * d > limits.maxTotalValues()) {
            throw ApiException.limit(
                    "length",
                    "trajectories x length x dimension = " + points * d + " values exceeds the limit of "
                            + limits.maxTotalValues() + " values per dataset");
        }

        double period = system.period();
        double dt = samplingInterval(system, r.pointsPerPeriod(), r.samplingInterval());
        double transientPeriods = r.transientPeriods() == null ? DEFAULT_TRANSIENT_PERIODS : r.transientPeriods();
        if (!Double.isFinite(transientPeriods) || transientPeriods < 0 || transientPeriods > limits.maxTransientPeriods()) {
            throw ApiException.limit(
                    "transientPeriods",
                    "transientPeriods must be between 0 and " + fmt(limits.maxTransientPeriods()) + ", found " + r.transientPeriods());
        }
        if (system.kind() == SystemKind.MAP) {
            transientPeriods = Math.rint(transientPeriods); // whole iterations
        }
        double integrated = GenerationPlan.integratedPeriods(trajectories, transientPeriods, length, dt / period, initial == null);
        if (integrated > limits.maxIntegratedPeriods()) {
            throw ApiException.limit(
                    "length",
                    "this recipe integrates about " + fmt(Math.ceil(integrated)) + " periods in total (transient, drawn initial"
                            + " conditions and length x samplingInterval, per trajectory); the limit is "
                            + fmt(limits.maxIntegratedPeriods()) + " periods");
        }

        double noise = r.noise() == null ? 0 : r.noise();
        if (!Double.isFinite(noise) || noise < 0 || noise > limits.maxNoise()) {
            throw ApiException.limit("noise", "noise must be between 0 and " + fmt(limits.maxNoise()) + ", found " + r.noise());
        }
        SplitFractions split = split(r.split(), length);
        double rtol = tolerance("rtol", r.rtol());
        double atol = tolerance("atol", r.atol());
        DatasetRecipe recipe = new DatasetRecipe(
                GENERATOR_VERSION,
                system.name(),
                system.parameterMap(p),
                initial,
                trajectories,
                length,
                dt,
                transientPeriods,
                noise,
                r.seed() == null ? 0L : r.seed(),
                split,
                Boolean.TRUE.equals(r.standardize()),
                rtol,
                atol);
        return new Normalized(recipe, plan(recipe, system, p));
    }

    /** Resolves a normalised (stored) recipe for the generator. */
    public GenerationPlan plan(DatasetRecipe recipe) {
        ChaoticSystem system = registry.require(recipe.system());
        return plan(recipe, system, system.resolveParameters(recipe.parameters()));
    }

    private static GenerationPlan plan(DatasetRecipe recipe, ChaoticSystem system, double[] p) {
        SplitFractions f = recipe.split();
        return new GenerationPlan(
                system,
                p,
                recipe.initialConditions(),
                recipe.trajectories(),
                recipe.length(),
                system.dimension(p),
                recipe.samplingInterval(),
                recipe.transientPeriods() * system.period(),
                recipe.noise(),
                recipe.seed(),
                SplitLayout.of(recipe.length(), f.train(), f.val()),
                recipe.standardize(),
                new IntegrationSettings(recipe.rtol(), recipe.atol()));
    }

    private static List<double[]> states(List<List<Double>> given, int d) {
        if (given.isEmpty()) {
            throw ApiException.invalid("initialConditions", "initialConditions must hold at least one state, or be omitted");
        }
        List<double[]> out = new ArrayList<>(given.size());
        for (int k = 0; k < given.size(); k++) {
            List<Double> s = given.get(k);
            String field = "initialConditions[" + k + "]";
            if (s == null || s.size() != d) {
                throw ApiException.invalid(
                        field, field + " must have " + d + " components (the dimension), found " + (s == null ? "null" : s.size()));
            }
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                Double v = s.get(i);
                if (v == null || !Double.isFinite(v)) {
                    throw ApiException.invalid(field + "[" + i + "]", field + "[" + i + "] must be a finite number, found " + v);
                }
                x[i] = v;
            }
            out.add(x);
        }
        return out;
    }

    private double samplingInterval(ChaoticSystem system, Double pointsPerPeriod, Double samplingInterval) {
        if (pointsPerPeriod != null && samplingInterval != null) {
            throw ApiException.invalid("samplingInterval", "give pointsPerPeriod or samplingInterval, not both");
        }
        if (system.kind() == SystemKind.MAP) {
            if (samplingInterval != null && samplingInterval != 1.0) {
                throw ApiException.invalid(
                        "samplingInterval", system.name() + " is a map: its samplingInterval is 1 iteration, found " + samplingInterval);
            }
            if (pointsPerPeriod != null && pointsPerPeriod != 1.0) {
                throw ApiException.invalid(
                        "pointsPerPeriod", system.name() + " is a map: it has 1 point per iteration, found " + pointsPerPeriod);
            }
            return 1.0;
        }
        if (samplingInterval != null) {
            double max = system.period() * limits.maxIntegratedPeriods();
            if (!Double.isFinite(samplingInterval) || samplingInterval <= 0 || samplingInterval > max) {
                throw ApiException.invalid(
                        "samplingInterval",
                        "samplingInterval must be positive and at most " + fmt(max) + ", found " + samplingInterval);
            }
            return samplingInterval;
        }
        double ppp = pointsPerPeriod == null ? DEFAULT_POINTS_PER_PERIOD : pointsPerPeriod;
        if (!Double.isFinite(ppp) || ppp <= 0 || ppp > limits.maxPointsPerPeriod()) {
            throw ApiException.invalid(
                    "pointsPerPeriod",
                    "pointsPerPeriod must be positive and at most " + fmt(limits.maxPointsPerPeriod()) + ", found " + pointsPerPeriod);
        }
        return system.period() / ppp;
    }

    private static SplitFractions split(SplitFractions given, int length) {
        if (given == null) {
            return SplitFractions.DEFAULT;
        }
        double train = fraction("split.train", given.train());
        double val = fraction("split.val", given.val());
        double test = fraction("split.test", given.test());
        double sum = train + val + test;
        if (Math.abs(sum - 1) > SPLIT_TOLERANCE) {
            throw ApiException.invalid(
                    "split", "split fractions must sum to 1, found " + sum + " (train " + train + " + val " + val + " + test " + test + ")");
        }
        SplitLayout layout = SplitLayout.of(length, train, val);
        int[] counts = {layout.train(), layout.val(), layout.test()};
        double[] fractions = {train, val, test};
        for (int i = 0; i < 3; i++) {
            if (fractions[i] > 0 && counts[i] == 0) {
                throw ApiException.invalid(
                        "split." + SplitLayout.NAMES[i],
                        "split." + SplitLayout.NAMES[i] + " = " + fractions[i] + " of length " + length
                                + " gives no step; use 0 or at least 1/length");
            }
        }
        return new SplitFractions(train, val, test);
    }

    private static double fraction(String field, Double v) {
        double f = v == null ? 0 : v;
        if (!Double.isFinite(f) || f < 0 || f > 1) {
            throw ApiException.invalid(field, field + " must be between 0 and 1, found " + v);
        }
        return f;
    }

    private static double tolerance(String field, Double v) {
        double t = v == null ? IntegrationSettings.DEFAULT_TOLERANCE : v;
        if (!Double.isFinite(t) || t < IntegrationSettings.MIN_TOLERANCE || t > IntegrationSettings.MAX_TOLERANCE) {
            throw ApiException.invalid(
                    field,
                    field + " must be between " + IntegrationSettings.MIN_TOLERANCE + " and " + IntegrationSettings.MAX_TOLERANCE
                            + ", found " + v);
        }
        return t;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
