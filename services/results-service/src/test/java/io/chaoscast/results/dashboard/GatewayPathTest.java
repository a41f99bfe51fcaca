package io.chaoscast.results.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaoscast.web.problem.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayPathTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/v1/../actuator", "/api/v1/./systems", "/api/v1/%2e%2e/actuator", "/api/v1/%2E%2E/actuator",
        "/api/v1/.%2e/actuator", "/api/v1/a%2f..%2f..%2factuator", "/api/v1/a%2F..", "/api/v1/%252e%252e/x",
        "/api/v1//systems", "/api/v1/systems/", "/api/v1/a%5c..", "/api/v1/a;b", "/api/v1/%zz", "/api/v2/systems",
        "/api/v1%2fsystems", "/api/v1/a%00b", "/actuator/env"
    })
    void refusesDotSegmentsEncodedSlashesAndPathsOutsideTheApi(String raw) {
        assertThatThrownBy(() -> ServiceGateway.normalisedPath(raw))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/systems", "/api/v1/systems/Lorenz/lyapunov", "/api/v1/datasets/ab12"})
    void forwardsPlainPathsUnchanged(String raw) {
        assertThat(ServiceGateway.normalisedPath(raw)).isEqualTo(raw);
    }

    @org.junit.jupiter.api.Test
    void reEncodesWhatItDecoded() {
        assertThat(ServiceGateway.normalisedPath("/api/v1/systems/Lorenz%2096")).isEqualTo("/api/v1/systems/Lorenz%2096");
    }
}
