package io.chaoscast.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What a body Jackson cannot bind turns into: the field by its path, or {@code body} when there is none. */
class ProblemsFromJacksonTest {

    record Point(Double x, Integer n, List<Double> values) {}

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private static ProblemDetail problem(String json) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> STRICT.readValue(json, Point.class));
        assertThat(e).as(json).isNotNull();
        return Problems.fromJackson(e, null);
    }

    @Test
    void aBodyOfTheWrongShapeNamesTheBody() {
        for (String json : List.of("[]", "\"x\"", "7")) {
            ProblemDetail p = problem(json);
            assertThat(p.getProperties()).as(json).containsEntry("code", "invalid-field").containsEntry("field", "body");
            assertThat(p.getDetail()).as(json).startsWith("the request body must be a Point");
        }
    }

    @Test
    void aWrongValueNamesItsPathAndAnUnreadableBodyIsMalformed() {
        assertThat(problem("{\"n\": 1.5}").getProperties()).containsEntry("field", "n").containsEntry("code", "invalid-field");
        assertThat(problem("{\"values\": [1, \"a\"]}").getProperties()).containsEntry("field", "values[1]");
        ProblemDetail unknown = problem("{\"y\": 1}");
        assertThat(unknown.getProperties()).containsEntry("field", "y");
        assertThat(unknown.getDetail()).contains("allowed: [n, values, x]");
        ProblemDetail broken = problem("{\"x\": ");
        assertThat(broken.getProperties()).containsEntry("code", "malformed-body").containsEntry("field", "body");
    }
}
