package io.chaoscast.inference.models;

import java.util.List;

/**
 * @param registered models registered in results-service (newest first, at most 100)
 * @param loaded models in this instance's cache, least recently used first
 * @param registryError why {@code registered} is empty when results-service could not be asked
 */
public record ModelListResponse(
        List<ModelSummaryResponse> registered, List<ModelSummaryResponse> loaded, String device, String registryError) {}
