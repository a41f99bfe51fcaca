package io.chaoscast.inference.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services this one calls live; the same property every ChaosCast service uses.
 *
 * @param resultsUrl base URL of the results-service, where models are registered (env {@code
 *     CHAOSCAST_SERVICES_RESULTS_URL})
 */
@ConfigurationProperties("chaoscast.services")
public record ServicesProperties(@DefaultValue("http://localhost:8084") URI resultsUrl) {}
