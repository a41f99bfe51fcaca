package io.chaoscast.contracts.results;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the rows of this page
 * @param page zero-based page number
 * @param size the page size asked for
 * @param totalItems rows over all pages
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems) {}
