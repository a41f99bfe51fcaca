package io.chaoscast.training.config;

import io.chaoscast.contracts.datasets.DatasetClient;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.web.security.ApiSecurityProperties;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed clients of the dataset- and results-service. */
@Configuration(proxyBeanMethods = false)
public class ClientsConfiguration {

    @Bean
    DatasetClient datasetClient(ServicesProperties services, ApiSecurityProperties security) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // Splits of large datasets take a while to stream; metadata calls answer at once.
        return new DatasetClient(services.datasetUrl(), http, Duration.ofMinutes(5), security.clientToken());
    }

    @Bean
    ResultsClient resultsClient(ServicesProperties services, ApiSecurityProperties security) {
        return ResultsClient.builder(services.resultsUrl())
                .optUploadTimeout(Duration.ofMinutes(5))
                .optToken(security.clientToken())
                .build();
    }
}
