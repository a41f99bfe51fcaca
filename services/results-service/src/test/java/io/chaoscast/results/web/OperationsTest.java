package io.chaoscast.results.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.results.ResultsServiceTest;
import org.junit.jupiter.api.Test;

class OperationsTest extends ResultsServiceTest {

    @Test
    void probesAndPrometheusAnswer() {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").body()).contains("http_server_requests");
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        assertThat(assertProblem(get("/api/v1/nothing-here"), 404, null).path("code").asString()).isEqualTo("not-found");
        assertThat(assertProblem(send("DELETE", "/api/v1/experiments", null), 405, null).path("code").asString())
                .isEqualTo("method-not-allowed");
        assertThat(assertProblem(send("POST", "/api/v1/experiments", "name=x", "Content-Type", "text/plain"), 415, null)
                .path("code").asString()).isEqualTo("unsupported-media-type");
    }
}
