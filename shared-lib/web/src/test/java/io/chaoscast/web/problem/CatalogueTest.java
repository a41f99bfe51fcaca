package io.chaoscast.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class CatalogueTest {

    @Test
    void everyCodeHasOneTypeUriSchemeAndADistinctName() {
        Set<String> names = Arrays.stream(CommonError.values()).map(CommonError::wireName).collect(Collectors.toSet());
        assertThat(names).hasSize(CommonError.values().length).contains("invalid-field", "malformed-body", "busy");
        for (CommonError c : CommonError.values()) {
            assertThat(c.type().toString()).isEqualTo("urn:chaoscast:problem:" + c.wireName());
        }
        assertThat(CommonError.BUSY.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(CommonError.UPSTREAM_UNAVAILABLE.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void serviceCodesAreLowerCaseWordsJoinedByDashes() {
        ErrorCode code = ErrorCode.of("unknown-system", HttpStatus.NOT_FOUND, "Unknown system");
        assertThat(code.type().toString()).isEqualTo("urn:chaoscast:problem:unknown-system");
        assertThatThrownBy(() -> ErrorCode.of("Unknown_System", HttpStatus.NOT_FOUND, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemCarriesCodeFieldAndRetryAfterOn429And503() {
        ProblemDetail p = Problems.problem(CommonError.INVALID_FIELD, "horizon", "horizon must be at least 1, found 0");
        assertThat(Problems.members(p)).containsEntry("code", "invalid-field").containsEntry("field", "horizon")
                .containsEntry("status", 400).containsEntry("type", "urn:chaoscast:problem:invalid-field");
        assertThat(Problems.respond(new ApiException(CommonError.BUSY, null, "full")).getHeaders().getFirst("Retry-After"))
                .isEqualTo("5");
        assertThat(Problems.respond(new ApiException(CommonError.BUSY, null, "full").retryAfter(2)).getHeaders()
                        .getFirst("Retry-After"))
                .isEqualTo("2");
        assertThat(Problems.respond(ApiException.invalid("x", "bad")).getHeaders().getFirst("Retry-After")).isNull();
    }

    @Test
    void exceptionTableTranslatesTheFirstMatchingTypeAlongTheCauseChain() {
        ExceptionTable table = new ExceptionTable()
                .map(IllegalStateException.class, e -> new ApiException(CommonError.CONFLICT, null, e.getMessage()))
                .map(IllegalArgumentException.class, e -> ApiException.invalid("x", e.getMessage()));
        assertThat(table.translate(new RuntimeException(new IllegalArgumentException("deep"))))
                .hasValueSatisfying(a -> {
                    assertThat(a.code()).isEqualTo(CommonError.INVALID_FIELD);
                    assertThat(a.getMessage()).isEqualTo("deep");
                });
        assertThat(table.translate(new UncheckedIOException(new java.io.IOException("io")))).isEmpty();
    }
}
