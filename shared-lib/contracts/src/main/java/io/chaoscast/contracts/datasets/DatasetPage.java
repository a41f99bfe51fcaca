package io.chaoscast.contracts.datasets;

import java.util.List;

/** One page of datasets, newest first. */
public record DatasetPage(List<DatasetResponse> items, int page, int size, long total) {}
