package io.chaoscast.dataset.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.dataset.ApiTest;
import io.chaoscast.testsupport.AccessCheck;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every operation of dataset-service's API description is guarded by the scope rules. */
class AccessControlTest extends ApiTest {

    @Test
    void everyWriteAnswers401WithoutTokenAnd403WithReadToken() {
        URI base = uri("/");
        List<AccessCheck.Operation> ops = AccessCheck.assertGuarded(
                base, AccessCheck.createToken(base, "reader", "read"), AccessCheck.createToken(base, "writer", "write"));
        assertThat(ops).extracting(AccessCheck.Operation::toString)
                .contains("POST /api/v1/datasets", "POST /api/v1/systems/x/lyapunov", "GET /api/v1/datasets");
    }
}
