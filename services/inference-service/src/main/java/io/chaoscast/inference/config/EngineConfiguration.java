package io.chaoscast.inference.config;

import ai.djl.Device;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.inference.engine.DeviceChoice;
import io.chaoscast.inference.engine.ForecasterLoader;
import io.chaoscast.inference.engine.InferenceEngine;
import io.chaoscast.inference.engine.ModelCache;
import io.chaoscast.inference.engine.ModelRepository;
import io.chaoscast.inference.registry.ArtifactForecasterLoader;
import io.chaoscast.inference.registry.ResultsModelRepository;
import io.chaoscast.inference.telemetry.ResultsTelemetry;
import io.chaoscast.inference.telemetry.ServingMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.chaoscast.web.security.ApiSecurityProperties;
import tools.jackson.core.json.JsonReadFeature;

/** Builds the HTTP-free serving engine from the configuration. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    /** Fails start-up with a clear message when {@code gpu} is forced and none is visible. */
    @Bean
    Device inferenceDevice(InferenceProperties properties) {
        return DeviceChoice.choose(properties.device());
    }

    @Bean
    ResultsClient resultsClient(ServicesProperties services, ApiSecurityProperties security) {
        return ResultsClient.builder(services.resultsUrl())
                .optConnectTimeout(Duration.ofSeconds(5))
                .optRequestTimeout(Duration.ofSeconds(30))
                .optToken(security.clientToken())
                .build();
    }

    @Bean
    ModelRepository modelRepository(ResultsClient client) {
        return new ResultsModelRepository(client);
    }

    @Bean
    ForecasterLoader forecasterLoader() {
        return new ArtifactForecasterLoader();
    }

    @Bean
    ServingMetrics servingMetrics(MeterRegistry registry) {
        return new ServingMetrics(registry);
    }

    @Bean(destroyMethod = "close")
    InferenceEngine inferenceEngine(
            InferenceProperties properties,
            ModelRepository repository,
            ForecasterLoader loader,
            Device device,
            ServingMetrics metrics,
            MeterRegistry registry) {
        ModelCache cache = new ModelCache(
                repository,
                loader,
                device,
                properties.cache().settings(),
                properties.batching().settings(),
                metrics);
        Gauge.builder("chaoscast.inference.models.loaded", cache, c -> c.loaded().size())
                .description("models in the cache")
                .register(registry);
        Gauge.builder("chaoscast.inference.models.memory", cache, ModelCache::memoryBytes)
                .description("estimated bytes the loaded models take")
                .baseUnit("bytes")
                .register(registry);
        return new InferenceEngine(cache, properties.limits().settings(), properties.requestTimeout(), device);
    }

    @Bean(destroyMethod = "close")
    ResultsTelemetry resultsTelemetry(
            InferenceProperties properties, ResultsClient client, Device device, MeterRegistry registry) {
        return new ResultsTelemetry(
                client,
                properties.telemetry().enabled(),
                properties.telemetry().experiment(),
                properties.telemetry().interval(),
                DeviceChoice.describe(device),
                registry);
    }

    /**
     * JSON has no NaN or infinity; some clients send them as bare tokens. Reading them lets the
     * input check answer 400 naming the cell instead of a generic parse error.
     */
    @Bean
    JsonMapperBuilderCustomizer nonFiniteNumbers() {
        return builder -> builder.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    }
}
