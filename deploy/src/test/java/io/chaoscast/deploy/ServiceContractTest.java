package io.chaoscast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The services' code and the deployment contract agree. The deployment files are checked against
 * the code; this catches the code itself moving away from what every other service expects.
 */
class ServiceContractTest {

    @Test
    void servicesOnThisBranchKeepTheirContractedPortSchemaAndJarName() {
        for (ServiceFacts service : ServiceFacts.all()) {
            ServiceContract contract = service.contract();
            assertThat(service.port()).as("%s server.port", contract.name()).isEqualTo(contract.port());
            assertThat(service.schema()).as("%s spring.flyway.schemas", contract.name()).isEqualTo(contract.schema());
            assertThat(service.jar()).as("%s jar (pom finalName)", contract.name()).isEqualTo(contract.jar());
        }
    }

    @Test
    void statelessServiceConfiguresNoDatasource() {
        ServiceFacts inference = ServiceFacts.of("inference-service");
        assertThat(inference.applicationProperties().keySet())
                .noneMatch(key -> key.startsWith("spring.datasource") || key.startsWith("spring.flyway"));
    }

    @Test
    void everyServiceModuleOnThisBranchIsKnownToTheDeployment() throws Exception {
        try (var dirs = Files.list(RepositoryFiles.path("services"))) {
            dirs.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .forEach(name -> assertThat(ServiceContract.ALL)
                            .as("services/%s has images, compose and manifests", name)
                            .anyMatch(contract -> contract.name().equals(name)));
        }
    }
}
