package io.chaoscast.models.earlyexit;

import io.chaoscast.dynamics.metrics.Median;
import io.chaoscast.models.baselines.NvarLibrary;
import io.chaoscast.models.baselines.RidgeTuning;
import java.util.List;

/**
 * What the trainer searched on validation data besides the weights: the NVAR base's feature
 * library (one trial per candidate) and the share of the network's correction applied on top of
 * the base (one trial per weight). Both are scored by the median valid steps (sMAPE 30) of free
 * validation rollouts; a blend weight must also do no harm against the base alone in the NRMSE
 * form and origin by origin.
 *
 * @param baseTrials every library candidate, in the order tried (empty without a base)
 * @param base the chosen library, or null without a base
 * @param blendTrials every blend weight tried (empty without a base)
 * @param blend the chosen weight (1 without a base)
 */
public record SearchLog(
        List<NvarLibrary.Trial> baseTrials, NvarLibrary.Candidate base, List<BlendTrial> blendTrials, double blend) {

    public SearchLog {
        baseTrials = List.copyOf(baseTrials);
        blendTrials = List.copyOf(blendTrials);
    }

    /** Nothing searched (a network without base). */
    public static final SearchLog NONE = new SearchLog(List.of(), null, List.of(), 1);

    /**
     * One blend weight and its validation score, against the base alone (weight 0) on the same
     * origins.
     *
     * @param medianSteps median valid steps, sMAPE form
     * @param meanSteps mean valid steps, sMAPE form
     * @param medianStepsNrmse median valid steps, NRMSE form (NaN when not measured)
     * @param shorter origins whose sMAPE valid steps are fewer than the base's
     * @param longer origins whose sMAPE valid steps are more than the base's
     * @param doesNoHarm neither median below the base's, and no more rollouts shortened than
     *     lengthened
     * @param meanError mean over the rollouts of their squared error over the whole horizon, in
     *     units of the attractor's variance (NaN when not measured)
     */
    public record BlendTrial(
            double weight,
            double medianSteps,
            double meanSteps,
            double medianStepsNrmse,
            int shorter,
            int longer,
            boolean doesNoHarm,
            double meanError) {

        static BlendTrial of(double weight, RidgeTuning.ValidSteps steps, RidgeTuning.ValidSteps base) {
            int shorter = 0;
            int longer = 0;
            for (int i = 0; i < steps.smape().length; i++) {
                if (steps.smape()[i] < base.smape()[i]) {
                    shorter++;
                } else if (steps.smape()[i] > base.smape()[i]) {
                    longer++;
                }
            }
            double median = Median.of(steps.smape());
            double nrmse = steps.nrmse() == null ? Double.NaN : Median.of(steps.nrmse());
            boolean noHarm = median >= Median.of(base.smape())
                    && (steps.nrmse() == null || nrmse >= Median.of(base.nrmse()))
                    && shorter <= longer;
            double mean = java.util.Arrays.stream(steps.smape()).average().orElse(0);
            double error = steps.error() == null ? Double.NaN : java.util.Arrays.stream(steps.error()).average().orElse(Double.NaN);
            return new BlendTrial(weight, median, mean, nrmse, shorter, longer, noHarm, error);
        }

        /**
         * A larger sMAPE median, or the same median and a larger mean; on a tie of both (every
         * rollout of both valid to the end of the validation horizon, as a base that is already
         * good makes them), a rollout error smaller by more than {@link #ERROR_MARGIN}. Without that
         * last rule such a tie kept the base alone, and the trained network with it, unjudged: on
         * Lorenz at 100 points per period the full correction cut the validation error 35 to 63
         * fold and the test rollouts' error 7 to 23 fold, and none of it was applied. The margin
         * keeps differences at rounding level (an exact base) from deciding.
         */
        boolean beats(BlendTrial other) {
            if (medianSteps != other.medianSteps) {
                return medianSteps > other.medianSteps;
            }
            if (meanSteps != other.meanSteps) {
                return meanSteps > other.meanSteps;
            }
            return meanError < (1 - ERROR_MARGIN) * other.meanError; // false where either is not measured (NaN)
        }
    }

    /** How much smaller a tied blend's rollout error must be to beat another's: 10 %. */
    static final double ERROR_MARGIN = 0.1;
}
