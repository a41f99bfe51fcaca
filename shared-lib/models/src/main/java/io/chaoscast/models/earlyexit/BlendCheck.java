package io.chaoscast.models.earlyexit;

import io.chaoscast.models.Forecaster;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every blend weight the trainer tried, scored again on data it never saw: how far the validation
 * verdict that chose the weight carries over to other rollouts. A maintainer's check of the
 * no-harm rule (the skill benchmark prints it with {@code -Dbench.blendCheck=true}); training does
 * not use it.
 */
public final class BlendCheck {

    /**
     * One weight.
     *
     * @param validation the trainer's trial of the weight
     * @param test the caller's score of the same network with that weight applied
     */
    public record Row<T>(SearchLog.BlendTrial validation, T test) {}

    private BlendCheck() {}

    /**
     * Scores {@code forecaster}'s network once per weight in {@code search}, in the order tried.
     * The network is shared, not copied: {@code forecaster} stays open and unchanged.
     */
    public static <T> List<Row<T>> score(
            EarlyExitForecaster forecaster, SearchLog search, Function<? super Forecaster, T> test) {
        List<Row<T>> rows = new ArrayList<>();
        for (SearchLog.BlendTrial trial : search.blendTrials()) {
            rows.add(new Row<>(trial, test.apply(forecaster.withBlend(trial.weight()))));
        }
        return rows;
    }
}
