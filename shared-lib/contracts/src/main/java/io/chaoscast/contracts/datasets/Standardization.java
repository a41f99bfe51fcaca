package io.chaoscast.contracts.datasets;

/**
 * The per-dimension statistics a standardised dataset was scaled with: stored value {@code =
 * (raw - mean) / std}, so {@code raw = stored * std + mean}.
 *
 * @param mean per-dimension mean of the training split (of all data when the training split is empty)
 * @param std per-dimension population standard deviation of the same data (1 where it was 0)
 */
public record Standardization(double[] mean, double[] std) {}
