package io.chaoscast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The binding check itself: it must tell a variable Spring reads from one it silently ignores. */
class SpringEnvironmentBindingTest {

    @Test
    void canonicalNamesBindToTheirProperties() {
        assertThat(SpringEnvironmentBinding.boundProperties("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE"))
                .containsExactly("spring.datasource.hikari.maximum-pool-size");
        assertThat(SpringEnvironmentBinding.boundProperties("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED"))
                .containsExactly("management.endpoint.health.probes.enabled");
        assertThat(SpringEnvironmentBinding.boundProperties("SERVER_SHUTDOWN"))
                .containsExactly("server.shutdown");
    }

    @Test
    void misspeltOrInventedNamesBindToNothing() {
        assertThat(SpringEnvironmentBinding.boundProperties("SPRING_DATASOURCE_HIKARI_MAXPOOLSIZE"))
                .isEmpty();
        assertThat(SpringEnvironmentBinding.boundProperties("SERVER_PORTS")).isEmpty();
        assertThat(SpringEnvironmentBinding.boundProperties("MANAGEMENT_HEALTH_PROBES_ENABLE"))
                .isEmpty();
    }

    @Test
    void underscoresForDashesStillBindSoTheContractedChaoscastNamesWork() {
        assertThat(
                        SpringEnvironmentBinding.binds(
                                "CHAOSCAST_SERVICES_DATASET_URL", "chaoscast.services.dataset-url"))
                .isTrue();
        assertThat(SpringEnvironmentBinding.binds("CHAOSCAST_TRAINING_WORKERS", "chaoscast.training.workers"))
                .isTrue();
        assertThat(
                        SpringEnvironmentBinding.binds(
                                "CHAOSCAST_SERVICES_DATASET_URL", "chaoscast.services.results-url"))
                .isFalse();
    }
}
