package io.chaoscast.training.delivery;

import io.chaoscast.contracts.results.MetricPointRequest;
import java.util.List;
import java.util.UUID;

/**
 * What a finished training produced, as kept in {@code training.outbox} until the results-service
 * has it all.
 *
 * @param artifact the model zip; null once delivered
 * @param metrics every point the run must end up with (the epoch history and the final metrics)
 * @param modelId the registered model, null until registration was confirmed
 */
public record OutboxEntry(UUID jobId, UUID runId, String modelName, byte[] artifact, List<MetricPointRequest> metrics, String modelId) {}
