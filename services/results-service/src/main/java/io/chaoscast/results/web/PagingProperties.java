package io.chaoscast.results.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paging limits of the listing endpoints.
 *
 * @param maxPageSize largest {@code size} a listing accepts (runs, models)
 */
@ConfigurationProperties("results.paging")
public record PagingProperties(@DefaultValue("500") int maxPageSize) {}
