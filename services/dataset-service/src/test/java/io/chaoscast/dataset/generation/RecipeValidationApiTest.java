package io.chaoscast.dataset.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.dataset.ApiTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every kind of bad recipe gets a 4xx problem naming the field and what is allowed. */
class RecipeValidationApiTest extends ApiTest {

    static Stream<Arguments> badRecipes() {
        return Stream.of(
                // recipe, status, code, field, text the detail must contain
                Arguments.of("{\"system\": \"Lorenz63x\"}", 404, "unknown-system", "system", "Lorenz63x"),
                Arguments.of("{\"length\": 10}", 400, "invalid-field", "system", "required"),
                Arguments.of("{\"system\": \"Lorenz\", \"parameters\": {\"gamma\": 1}}", 400, "unknown-parameter", "parameters.gamma", "sigma"),
                Arguments.of("{\"system\": \"Lorenz\", \"parameters\": {\"rho\": \"NaN\"}}", 400, "invalid-field", "parameters.rho", "finite"),
                Arguments.of("{\"system\": \"Lorenz\", \"noise\": \"Infinity\"}", 400, "limit-exceeded", "noise", "between 0 and 10"),
                Arguments.of("{\"system\": \"Lorenz\", \"samplingInterval\": 1e400}", 400, "invalid-field", "samplingInterval", "positive"),
                Arguments.of("{\"system\": \"Lorenz\", \"initialConditions\": [[1, \"NaN\", 3]]}", 400, "invalid-field", "initialConditions[0][1]", "finite"),
                Arguments.of("{\"system\": \"Lorenz\", \"initialConditions\": [[1, 2]]}", 400, "invalid-field", "initialConditions[0]", "3 components"),
                Arguments.of("{\"system\": \"Lorenz\", \"initialConditions\": []}", 400, "invalid-field", "initialConditions", "at least one"),
                Arguments.of("{\"system\": \"Lorenz\", \"initialConditions\": [[1, 2, 3]], \"trajectories\": 2}", 400, "invalid-field", "trajectories", "one state per trajectory"),
                Arguments.of("{\"system\": \"Lorenz\", \"length\": 0}", 400, "limit-exceeded", "length", "between 1 and 10000000"),
                Arguments.of("{\"system\": \"Lorenz\", \"length\": 10000001}", 400, "limit-exceeded", "length", "between 1 and 10000000"),
                Arguments.of("{\"system\": \"Lorenz\", \"trajectories\": 10001}", 400, "limit-exceeded", "trajectories", "between 1 and 10000"),
                Arguments.of("{\"system\": \"Lorenz\", \"trajectories\": 0}", 400, "limit-exceeded", "trajectories", "between 1 and 10000"),
                Arguments.of("{\"system\": \"Lorenz\", \"trajectories\": 100, \"length\": 200000}", 400, "limit-exceeded", "length", "10000000 points"),
                Arguments.of("{\"system\": \"Lorenz\", \"length\": 1000000, \"samplingInterval\": 10}", 400, "limit-exceeded", "length", "1000000 periods"),
                Arguments.of("{\"system\": \"Lorenz\", \"split\": {\"train\": 0.7, \"val\": 0.1, \"test\": 0.1}}", 400, "invalid-field", "split", "sum to 1"),
                Arguments.of("{\"system\": \"Lorenz\", \"split\": {\"train\": 1.2, \"val\": -0.2, \"test\": 0}}", 400, "invalid-field", "split.train", "between 0 and 1"),
                Arguments.of("{\"system\": \"Lorenz\", \"length\": 10, \"split\": {\"train\": 0.95, \"val\": 0.05, \"test\": 0}}", 400, "invalid-field", "split.val", "gives no step"),
                Arguments.of("{\"system\": \"Lorenz\", \"rtol\": 1e-15}", 400, "invalid-field", "rtol", "between 1.0E-14 and 0.01"),
                Arguments.of("{\"system\": \"Lorenz\", \"atol\": 0.1}", 400, "invalid-field", "atol", "between 1.0E-14 and 0.01"),
                Arguments.of("{\"system\": \"Lorenz\", \"noise\": -1}", 400, "limit-exceeded", "noise", "between 0 and 10"),
                Arguments.of("{\"system\": \"Lorenz\", \"transientPeriods\": -1}", 400, "limit-exceeded", "transientPeriods", "between 0 and 10000"),
                Arguments.of("{\"system\": \"Lorenz\", \"pointsPerPeriod\": 0}", 400, "invalid-field", "pointsPerPeriod", "positive"),
                Arguments.of("{\"system\": \"Lorenz\", \"pointsPerPeriod\": 10, \"samplingInterval\": 0.1}", 400, "invalid-field", "samplingInterval", "not both"),
                Arguments.of("{\"system\": \"Henon\", \"samplingInterval\": 0.5}", 400, "invalid-field", "samplingInterval", "map"),
                Arguments.of("{\"system\": \"Lorenz\",", 400, "malformed-body", null, "JSON"),
                Arguments.of("", 400, "malformed-body", null, "body"),
                Arguments.of("{\"system\": \"Lorenz\", \"length\": \"long\"}", 400, "invalid-field", "length", "length"),
                Arguments.of("{\"system\": \"Lorenz\", \"length\": 1e20}", 400, "invalid-field", "length", "whole number"),
                Arguments.of("{\"system\": \"Lorenz\", \"lenght\": 100}", 400, "invalid-field", "lenght", "allowed"),
                Arguments.of("{\"system\": \"Lorenz96\", \"parameters\": {\"n\": 2000}}", 400, "invalid-field", "parameters.n", "from 4 to 1024"),
                Arguments.of("{\"system\": \"Lorenz96\", \"parameters\": {\"n\": 4.5}}", 400, "invalid-field", "parameters.n", "whole number"),
                Arguments.of("{\"system\": \"MackeyGlass\", \"parameters\": {\"tau\": 1e-300}}", 400, "invalid-field", "parameters.tau", "must be from"),
                Arguments.of("{\"system\": \"MackeyGlass\", \"parameters\": {\"tau\": 0}}", 400, "invalid-field", "parameters.tau", "must be from"),
                Arguments.of("{\"system\": \"MackeyGlass\", \"parameters\": {\"tau\": 1e9}}", 400, "invalid-field", "parameters.tau", "steps per delay"),
                Arguments.of("{\"system\": \"Lorenz\", \"length\": 1.5}", 400, "invalid-field", "length", "whole number"),
                Arguments.of("{\"system\": \"Lorenz\", \"trajectories\": 2.5}", 400, "invalid-field", "trajectories", "whole number"));
    }

    @ParameterizedTest(name = "{0} -> {1} {3}")
    @MethodSource("badRecipes")
    void badRecipeIsRejectedNamingTheFieldAndRange(String recipe, int status, String code, String field, String text) throws Exception {
        JsonNode p = assertProblem(post("/api/v1/datasets", recipe), status, code, field);
        assertThat(p.path("detail").asString()).contains(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void badDataQueryIsRejected(String path, int status, String code, String field) throws Exception {
        assertProblem(get(path), status, code, field);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("/api/v1/datasets/" + "ab".repeat(32), 404, "dataset-not-found", "id"),
                Arguments.of("/api/v1/datasets/" + "ab".repeat(32) + "/data", 404, "dataset-not-found", "id"),
                Arguments.of("/api/v1/datasets/" + "ab".repeat(32) + "/data?split=training", 400, "invalid-field", "split"),
                Arguments.of("/api/v1/datasets/" + "ab".repeat(32) + "/data?format=parquet", 400, "invalid-field", "format"));
    }
}
