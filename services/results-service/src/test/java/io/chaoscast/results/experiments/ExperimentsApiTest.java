package io.chaoscast.results.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.contracts.results.CreateExperimentRequest;
import io.chaoscast.contracts.results.ExperimentResponse;
import io.chaoscast.results.ResultsServiceTest;
import org.junit.jupiter.api.Test;

class ExperimentsApiTest extends ResultsServiceTest {

    @Test
    void createdExperimentIsListedAndItsNameIsUnique() {
        String name = unique("exp");
        ExperimentResponse created = client().createExperiment(new CreateExperimentRequest(name, "Lorenz baselines"));
        assertThat(created.name()).isEqualTo(name);
        assertThat(client().listExperiments()).contains(created);
        assertProblem(post("/api/v1/experiments", "{\"name\":\"" + name + "\"}"), 409, "name");
    }

    @Test
    void runJoinsItsExperimentByName() {
        String name = unique("exp");
        ExperimentResponse created = client().createExperiment(new CreateExperimentRequest(name, null));
        assertThat(newRun(name).experimentId()).isEqualTo(created.id());
    }

    @Test
    void badExperimentsAreRefused() {
        assertProblem(post("/api/v1/experiments", "{\"name\":\"  \"}"), 400, "name");
        assertProblem(post("/api/v1/experiments", "{\"name\":\"" + "x".repeat(251) + "\"}"), 400, "name");
        assertProblem(post("/api/v1/experiments", "{\"name\":\"x\",\"description\":\"" + "d".repeat(4001) + "\"}"),
                400, "description");
        assertProblem(post("/api/v1/experiments", "{\"name\":"), 400, null);
        assertProblem(post("/api/v1/experiments", "{\"name\":[1]}"), 400, "name");
    }

    @Test
    void unknownFieldsAreRefusedNamingTheAllowedOnes() {
        String name = unique("bogus");
        var p = assertProblem(post("/api/v1/experiments", "{\"name\":\"" + name + "\",\"bogus\":1}"), 400, "bogus");
        assertThat(p.path("detail").asString()).contains("not a known field").contains("[description, name]");
        assertThat(client().listExperiments()).noneMatch(e -> e.name().equals(name));
    }
}
