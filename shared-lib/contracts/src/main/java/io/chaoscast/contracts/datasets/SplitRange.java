package io.chaoscast.contracts.datasets;

/**
 * Where a split lies on every trajectory's time axis.
 *
 * @param start index of the first step of the split
 * @param length number of steps
 */
public record SplitRange(int start, int length) {}
