package io.chaoscast.training.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services this one calls live.
 *
 * @param datasetUrl base URL of the dataset-service (env {@code CHAOSCAST_SERVICES_DATASET_URL})
 * @param resultsUrl base URL of the results-service (env {@code CHAOSCAST_SERVICES_RESULTS_URL})
 */
@ConfigurationProperties("chaoscast.services")
public record ServicesProperties(URI datasetUrl, URI resultsUrl) {

    public ServicesProperties {
        datasetUrl = datasetUrl == null ? URI.create("http://localhost:8081") : datasetUrl;
        resultsUrl = resultsUrl == null ? URI.create("http://localhost:8084") : resultsUrl;
    }
}
