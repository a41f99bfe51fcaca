package io.chaoscast.web.limits;

import io.chaoscast.web.problem.ApiException;

/** Checks of the {@code page} and {@code size} query parameters of paged listings. */
public final class Paging {

    /** Deepest page a listing serves (keeps OFFSET arithmetic far from overflow). */
    public static final int MAX_PAGE = 1_000_000;

    private Paging() {}

    public static int page(Integer page) {
        int p = page == null ? 0 : page;
        if (p < 0 || p > MAX_PAGE) {
            throw ApiException.invalidValue("page", "must be in [0, " + MAX_PAGE + "], found " + p);
        }
        return p;
    }

    public static int size(Integer size, int defaultSize, int max) {
        int s = size == null ? defaultSize : size;
        if (s < 1 || s > max) {
            throw ApiException.invalidValue("size", "must be in [1, " + max + "], found " + s);
        }
        return s;
    }
}
