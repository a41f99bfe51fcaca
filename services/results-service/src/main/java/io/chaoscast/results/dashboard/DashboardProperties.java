package io.chaoscast.results.dashboard;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the other services live, for the dashboard's gateway (env {@code CHAOSCAST_SERVICES_*}).
 *
 * @param datasetUrl base URL of the dataset-service (env {@code CHAOSCAST_SERVICES_DATASET_URL})
 * @param trainingUrl base URL of the training-service (env {@code CHAOSCAST_SERVICES_TRAINING_URL})
 * @param inferenceUrl base URL of the inference-service (env {@code CHAOSCAST_SERVICES_INFERENCE_URL})
 * @param timeout longest wait for an upstream answer through the gateway before 502
 * @param maxBodySize largest request body the gateway forwards, and largest answer it relays
 */
@ConfigurationProperties("chaoscast.services")
public record DashboardProperties(
        @DefaultValue("http://localhost:8081") URI datasetUrl,
        @DefaultValue("http://localhost:8082") URI trainingUrl,
        @DefaultValue("http://localhost:8083") URI inferenceUrl,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("32MB") DataSize maxBodySize) {}
