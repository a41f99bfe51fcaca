package io.chaoscast.models.baselines;

import io.chaoscast.models.data.Standardization;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses NVAR's feature library per dataset: taps, skip, polynomial order and trigonometric
 * features, each candidate fitted in closed form with its ridge penalty tuned, and scored by the
 * median valid steps of free validation rollouts (what a forecast is judged by). Lorenz's vector
 * field is quadratic and four consecutive taps form a good multistep stencil at 100 points per
 * period; Thomas' has {@code sin y}, Aizawa's cubic terms, a pendulum's trigonometric ones, and
 * a system sampled more coarsely or finely wants other taps. Candidates are tried in a fixed
 * order, simplest and most often right first, until a time budget is spent; a later candidate
 * replaces the best only when it scores strictly better, so exact ties keep the simpler library.
 */
public final class NvarLibrary {

    /** One candidate library. */
    public record Candidate(int taps, int skip, int order, boolean trig) {
        public FeatureSpec spec(int dimension, Standardization inputs) {
            return new FeatureSpec(FeatureSpec.NVAR, taps, skip, dimension, inputs, order, trig);
        }

        public String describe() {
            return "nvar k" + taps + " s" + skip + " poly" + order + (trig ? "+trig" : "");
        }
    }

    /**
     * How one candidate did on validation.
     *
     * @param medianSteps median valid steps (sMAPE 30) of the validation rollouts; NaN when the
     *     candidate was skipped
     * @param skipped why it was not fitted (too many features, budget spent), or null
     */
    public record Trial(Candidate candidate, int features, double alpha, double medianSteps, double meanSteps,
            double seconds, String skipped) {}

    /** The chosen model and every trial, in the order tried. */
    public record Selection(RidgeStepForecaster model, Candidate chosen, List<Trial> trials) {}

    /** Most features a candidate may have (normal equations of this size solve in about a second). */
    public static final int MAX_FEATURES = 1200;

    /** Default seconds for the search. */
    public static final double DEFAULT_BUDGET_SECONDS = 60;

    /**
     * The default candidates, in the order they are tried: the default (k = 4 quadratic) first,
     * then one of each kind of library early (cubic over 3 taps — the best on Lorenz at 100 points
     * per period —, trigonometric, more and fewer taps), so that a short budget still sees them,
     * then the rest.
     */
    public static final List<Candidate> DEFAULT_CANDIDATES = List.of(
            new Candidate(4, 1, 2, false),
            new Candidate(3, 1, 3, false),
            new Candidate(4, 1, 2, true),
            new Candidate(5, 1, 2, false),
            new Candidate(3, 1, 2, false),
            new Candidate(2, 1, 2, false),
            new Candidate(2, 1, 2, true),
            new Candidate(2, 1, 3, false),
            new Candidate(4, 1, 3, false),
            new Candidate(4, 2, 2, false),
            new Candidate(3, 1, 3, true));

    private NvarLibrary() {}

    /**
     * @param candidates tried in order; the first is always fitted, the others while fewer than
     *     {@code budgetSeconds} have passed
     * @param rolloutSteps longest validation rollout scored
     */
    public static Selection select(
            double[][][] train, double[][][] validation, List<Candidate> candidates, int rolloutSteps, double budgetSeconds) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("candidates must not be empty");
        }
        int d = train[0][0].length;
        Standardization inputs = Standardization.of(train);
        long start = System.nanoTime();
        List<Trial> trials = new ArrayList<>();
        RidgeTuning.Scored<RidgeStepForecaster> best = null;
        Candidate chosen = null;
        for (Candidate c : candidates) {
            FeatureSpec fs = c.spec(d, inputs);
            int size = fs.size();
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (best != null && elapsed > budgetSeconds) {
                trials.add(new Trial(c, size, Double.NaN, Double.NaN, Double.NaN, 0, "time budget spent"));
                continue;
            }
            if (best != null && size > MAX_FEATURES) {
                trials.add(new Trial(c, size, Double.NaN, Double.NaN, Double.NaN, 0, "more than " + MAX_FEATURES + " features"));
                continue;
            }
            long t0 = System.nanoTime();
            RidgeTuning.Scored<RidgeStepForecaster> s;
            try {
                Nvar.Fitter fitter = Nvar.fitter(train, fs);
                s = RidgeTuning.bestByValidStepsScored(
                        Nvar.TUNE_ALPHAS, a -> fitter.solve(a, true), validation, rolloutSteps, 64);
            } catch (IllegalStateException | IllegalArgumentException e) {
                trials.add(new Trial(c, size, Double.NaN, Double.NaN, Double.NaN, (System.nanoTime() - t0) / 1e9,
                        "not fitted: " + e.getMessage()));
                continue;
            }
            trials.add(new Trial(c, size, s.model().alpha(), s.medianSteps(), s.meanSteps(), (System.nanoTime() - t0) / 1e9, null));
            if (best == null || s.beats(best)) {
                best = s;
                chosen = c;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no NVAR library could be fitted; data may be degenerate");
        }
        return new Selection(best.model(), chosen, trials);
    }
}
