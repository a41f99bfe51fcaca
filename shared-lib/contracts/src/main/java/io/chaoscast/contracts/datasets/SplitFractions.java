package io.chaoscast.contracts.datasets;

/**
 * Fractions of every trajectory's time axis given to training, validation and test, in that order
 * along time. They must sum to 1; a fraction may be 0.
 */
public record SplitFractions(Double train, Double val, Double test) {

    /** 70 % / 15 % / 15 %. */
    public static final SplitFractions DEFAULT = new SplitFractions(0.7, 0.15, 0.15);
}
