package io.chaoscast.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class JsonFieldPathTest {

    record Point(String key, double value) {}

    record Body(Map<String, List<Point>> series) {}

    private static JacksonException failure(String json, Class<?> type) {
        return catchThrowableOfType(JacksonException.class, () -> JsonMapper.builder().build().readValue(json, type));
    }

    @Test
    void namesNestedPropertiesAndIndices() {
        JacksonException e = failure("{\"series\":{\"loss\":[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":\"x\"}]}}", Body.class);
        assertThat(JsonFieldPath.of(e.getPath())).isEqualTo("series.loss[1].value");
    }

    @Test
    void startsFromARootForTopLevelArrays() {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> JsonMapper.builder().build()
                .readValue("[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":[]}]", new TypeReference<List<Point>>() {}));
        assertThat(JsonFieldPath.of("metrics", e.getPath())).isEqualTo("metrics[1].value");
        assertThat(JsonFieldPath.of(e.getPath())).isEqualTo("[1].value");
    }

    @Test
    void emptyPathIsNull() {
        assertThat(JsonFieldPath.of(List.of())).isNull();
        assertThat(JsonFieldPath.of("", List.of())).isNull();
    }
}
