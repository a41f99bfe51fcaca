package io.chaoscast.dataset.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.dataset.ApiTest;
import io.chaoscast.dynamics.catalog.InvariantTable;
import io.chaoscast.dynamics.catalog.Invariants;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SystemsApiTest extends ApiTest {

    private List<String> names(HttpResponse<String> r) {
        List<String> names = new ArrayList<>();
        json(r).forEach(n -> names.add(n.path("name").asString()));
        return names;
    }

    @Test
    void listsTheCatalogFilteredByKindAndQuery() throws Exception {
        HttpResponse<String> all = get("/api/v1/systems");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(names(all)).contains("Lorenz", "Rossler", "Henon", "Logistic");

        List<String> flows = names(get("/api/v1/systems?kind=flow"));
        assertThat(flows).contains("Lorenz").doesNotContain("Henon");
        List<String> maps = names(get("/api/v1/systems?kind=map"));
        assertThat(maps).contains("Henon", "Logistic").doesNotContain("Lorenz");
        json(get("/api/v1/systems?kind=delay")).forEach(n -> assertThat(n.path("kind").asString()).isEqualTo("delay"));
        HttpResponse<String> found = get("/api/v1/systems?q=LOREN");
        assertThat(names(found)).contains("Lorenz", "Lorenz96").doesNotContain("Rossler");
        json(found).forEach(n -> assertThat((n.path("name").asString() + n.path("description").asString()).toLowerCase())
                .contains("loren"));
        assertThat(json(get("/api/v1/systems?q=no-such-words")).size()).isZero();
    }

    @Test
    void unknownKindIsRejectedNamingTheAllowedValues() throws Exception {
        JsonNode p = assertProblem(get("/api/v1/systems?kind=chaos"), 400, "invalid-field", "kind");
        assertThat(p.path("detail").asString()).contains("flow", "map", "delay");
    }

    @Test
    void describesASystemWithItsTabulatedInvariants() throws Exception {
        HttpResponse<String> r = get("/api/v1/systems/lorenz");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode s = json(r);
        assertThat(s.path("name").asString()).isEqualTo("Lorenz");
        assertThat(s.path("kind").asString()).isEqualTo("flow");
        assertThat(s.path("dimension").asInt()).isEqualTo(3);
        assertThat(s.path("parameters").path("sigma").asDouble()).isEqualTo(10.0);
        assertThat(s.path("parameters").path("rho").asDouble()).isEqualTo(28.0);
        assertThat(s.path("initialConditions").size()).isEqualTo(3);
        assertThat(s.path("period").asDouble()).isEqualTo(1.5008);
        assertThat(s.path("citation").asString()).contains("Lorenz");
        assertThat(s.path("description").asString()).isNotBlank();
        assertThat(s.path("jacobian").asString()).isEqualTo("analytic");
        Optional<Invariants> inv = InvariantTable.standard().find("Lorenz");
        if (inv.isPresent()) {
            JsonNode i = s.path("invariants");
            assertThat(i.path("maxLyapunov").asDouble()).isEqualTo(inv.get().maxLyapunov());
            assertThat(i.path("maxLyapunovStandardError").asDouble()).isPositive().isLessThan(0.05);
            assertThat(i.path("spectrum").size()).isEqualTo(3);
            assertThat(i.path("spectrumStandardErrors").size()).isEqualTo(3);
            assertThat(i.path("correlationDimension").asDouble()).isBetween(1.9, 2.2);
            assertThat(i.path("correlationDimensionStandardError").asDouble()).isPositive();
            assertThat(i.path("converged").isBoolean()).isTrue();
            assertThat(s.path("maxLyapunov").asDouble()).isEqualTo(inv.get().maxLyapunov());
            assertThat(s.path("lyapunovTime").asDouble()).isCloseTo(1 / inv.get().maxLyapunov(), within(1e-12));
            assertThat(s.path("kaplanYorkeDimension").asDouble()).isEqualTo(inv.get().kaplanYorkeDimension());
        } else {
            assertThat(s.path("maxLyapunov").isNull()).isTrue();
        }
    }

    /** Every one of dysts' 161 systems is served; how each Jacobian is computed is part of the answer. */
    @Test
    void servesTheWholeCatalogAndSaysHowJacobiansAreComputed() throws Exception {
        assertThat(json(get("/api/v1/systems")).size()).isGreaterThanOrEqualTo(161);
        assertThat(json(get("/api/v1/systems/BlinkingVortexMap")).path("jacobian").asString()).isEqualTo("analytic");
        assertThat(json(get("/api/v1/systems/StickSlipOscillator")).path("jacobian").asString()).isEqualTo("analytic");
        assertThat(json(get("/api/v1/systems/FluidTrampoline")).path("jacobian").asString()).isEqualTo("analytic");
        assertThat(json(get("/api/v1/systems/Henon")).path("jacobian").asString()).isEqualTo("analytic");
        assertThat(json(get("/api/v1/systems/MackeyGlass")).path("jacobian").isNull()).isTrue();
    }

    /**
     * Without a duration the estimate decides its own length and answers with its standard error
     * and whether it converged: Henon's published 0.41922 within 2 %.
     */
    @Test
    void defaultEstimateDecidesItsLengthAndCarriesAnErrorBar() throws Exception {
        HttpResponse<String> r = post("/api/v1/systems/Henon/lyapunov", "{}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode e = json(r);
        assertThat(e.path("maxLyapunov").asDouble()).isCloseTo(0.41922, within(0.02 * 0.41922));
        assertThat(e.path("converged").asBoolean()).isTrue();
        assertThat(e.path("maxLyapunovStandardError").asDouble()).isPositive().isLessThan(0.01 * 0.42);
        assertThat(e.path("standardErrors").size()).isEqualTo(1);
        assertThat(e.path("settings").path("convergence").asString()).isEqualTo("adaptive");
        assertThat(e.path("settings").path("stoppedBy").asString()).isEqualTo("target met");
    }

    @Test
    void unknownSystemIs404() throws Exception {
        JsonNode p = assertProblem(get("/api/v1/systems/NoSuchAttractor"), 404, "unknown-system", "system");
        assertThat(p.path("detail").asString()).contains("NoSuchAttractor");
    }

    @Test
    void estimatesTheLorenzExponents() throws Exception {
        HttpResponse<String> r = post("/api/v1/systems/Lorenz/lyapunov", "{\"spectrum\": true, \"duration\": 200}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode e = json(r);
        assertThat(e.path("maxLyapunov").asDouble()).isBetween(0.8, 1.0); // 0.906 in the literature
        assertThat(e.path("spectrum").size()).isEqualTo(3);
        assertThat(e.path("spectrum").get(1).asDouble()).isCloseTo(0.0, within(0.05));
        assertThat(e.path("kaplanYorkeDimension").asDouble()).isBetween(2.0, 2.1);
        assertThat(e.path("lyapunovTime").asDouble()).isCloseTo(1 / e.path("maxLyapunov").asDouble(), within(1e-9));
        assertThat(e.path("method").asString()).isNotBlank();
        assertThat(e.path("settings").path("durationPeriods").asDouble()).isEqualTo(200.0);
    }

    /**
     * The dry-friction oscillator sticks on its switching plane: sliding merges nearby orbits, so
     * the exponent across the plane is minus infinity, answered as null and named in the method.
     */
    @Test
    void aSlidingOrbitAnswersItsMinusInfiniteExponentAsNull() throws Exception {
        HttpResponse<String> r = post("/api/v1/systems/StickSlipOscillator/lyapunov", "{\"spectrum\": true, \"duration\": 200}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode e = json(r);
        assertThat(e.path("spectrum").size()).isEqualTo(3);
        assertThat(e.path("spectrum").get(0).asDouble()).isCloseTo(0.0, within(0.02));
        assertThat(e.path("spectrum").get(1).asDouble()).isNegative();
        assertThat(e.path("spectrum").get(2).isNull()).as(r.body()).isTrue();
        assertThat(e.path("method").asString()).contains("saltation matrices", "minus infinity");
        assertThat(e.path("settings").path("slidingCrossings").asLong()).isPositive();
        // A periodic orbit: its dimension is 1 whichever side of zero the estimate lands.
        assertThat(e.path("kaplanYorkeDimension").asDouble()).as(r.body()).isEqualTo(1.0);
        assertThat(e.path("settings").path("kaplanYorke").asString()).contains("exponent 1", "zero exponent");
    }

    @Test
    void lyapunovOfAMapWithOverriddenParameters() throws Exception {
        HttpResponse<String> r = post("/api/v1/systems/Logistic/lyapunov", "{\"parameters\": {\"r\": 4.0}, \"duration\": 2000}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("maxLyapunov").asDouble()).isCloseTo(Math.log(2), within(0.05));
        assertThat(json(r).path("parameters").path("r").asDouble()).isEqualTo(4.0);
    }

    @Test
    void lyapunovRefusesLongRequestsNamingTheLimit() throws Exception {
        JsonNode tooLong = assertProblem(
                post("/api/v1/systems/Lorenz/lyapunov", "{\"duration\": 2001}"), 400, "limit-exceeded", "duration");
        assertThat(tooLong.path("detail").asString()).contains("2000 periods");
        // within the duration limit, but over the (test-lowered) work budget of 1e6
        JsonNode tooMuch = assertProblem(
                post("/api/v1/systems/Lorenz/lyapunov", "{\"duration\": 2000, \"spectrum\": true}"), 400, "limit-exceeded", "duration");
        assertThat(tooMuch.path("detail").asString()).contains("budget", "at most 416 periods");
    }

    @Test
    void lyapunovRejectsBadInput() throws Exception {
        assertProblem(post("/api/v1/systems/Lorenz/lyapunov", "{\"parameters\": {\"gamma\": 1}}"), 400, "unknown-parameter", "parameters.gamma");
        assertProblem(post("/api/v1/systems/Lorenz/lyapunov", "{\"parameters\": {\"rho\": \"NaN\"}}"), 400, "invalid-field", "parameters.rho");
        assertProblem(post("/api/v1/systems/Lorenz/lyapunov", "{\"initialConditions\": [1, 2]}"), 400, "invalid-field", "initialConditions");
        assertProblem(post("/api/v1/systems/Lorenz/lyapunov", "{\"duration\": \"Infinity\"}"), 400, "limit-exceeded", "duration");
        assertProblem(post("/api/v1/systems/Lorenz/lyapunov", "{\"duration\": 10"), 400, "malformed-body", null);
        assertProblem(post("/api/v1/systems/Nope/lyapunov", "{}"), 404, "unknown-system", "system");
        // A tiny positive delay used to pass and occupy both estimate slots for good (steps of tau / 16).
        for (String tau : new String[] {"1e-300", "0", "1e9"}) {
            JsonNode p = assertProblem(
                    post("/api/v1/systems/MackeyGlass/lyapunov", "{\"parameters\": {\"tau\": " + tau + "}, \"duration\": 1}"),
                    400, "invalid-field", "parameters.tau");
            assertThat(p.path("detail").asString()).contains("must be from", "of the period");
        }
        assertThat(post("/api/v1/systems/Henon/lyapunov", "{\"duration\": 100}").statusCode()).isEqualTo(200);
    }

    @Test
    void openApiDocumentAndHealthAreServed() throws Exception {
        HttpResponse<String> doc = get("/v3/api-docs");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("/api/v1/datasets/{id}/data", "/api/v1/systems/{name}/lyapunov");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }
}
