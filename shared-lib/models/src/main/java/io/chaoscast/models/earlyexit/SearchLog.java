package io.chaoscast.models.earlyexit;

import io.chaoscast.models.baselines.NvarLibrary;
import java.util.List;

/**
 * What the trainer searched on validation data besides the weights: the NVAR base's feature
 * library (one trial per candidate) and the share of the network's correction applied on top of
 * the base (one trial per weight). Both are scored by the median valid steps (sMAPE 30) of free
 * validation rollouts.
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

    /** One blend weight and its validation score. */
    public record BlendTrial(double weight, double medianSteps, double meanSteps) {}
}
