package io.chaoscast.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml (and the GPU override) held to the services and the Dockerfile. */
class DockerComposeTest {

    static final String COMPOSE = "docker-compose.yml";
    static final String GPU_OVERRIDE = "deploy/docker/docker-compose.gpu.yml";

    private static final Pattern VARIABLE_DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

    private final Map<String, Object> compose =
            Trees.map(RepositoryFiles.yaml(RepositoryFiles.read(COMPOSE)));
    private final Map<String, Object> services = Trees.mapAt(compose, "services");

    @Test
    void composeValidatorAcceptsTheFiles() {
        assumeTrue(
                ExternalTool.onPath("docker-compose"),
                "docker-compose is not installed (deploy/ci-prereqs.sh installs it); "
                        + "the file is still checked by the other tests");
        // The secrets have no defaults: without them compose refuses the file.
        ExternalTool.Result bare =
                ExternalTool.run(List.of("env", "-i", "PATH=" + System.getenv("PATH"), "docker-compose", "-f", COMPOSE, "config", "-q"))
                        .orElseThrow();
        assertThat(bare.exitCode()).as("compose without the secrets set").isNotZero();
        assertThat(bare.stderr()).contains("docs/deploy.md");

        ExternalTool.Result plain = ExternalTool.run(withSecrets("-f", COMPOSE, "config", "-q")).orElseThrow();
        assertThat(plain.exitCode()).as(plain.stderr()).isZero();

        ExternalTool.Result gpu = ExternalTool.run(withSecrets("-f", COMPOSE, "-f", GPU_OVERRIDE, "config", "-q")).orElseThrow();
        assertThat(gpu.exitCode()).as(gpu.stderr()).isZero();
    }

    private static List<String> withSecrets(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("env", "CHAOSCAST_DB_PASSWORD=p", "CHAOSCAST_ADMIN_TOKEN=a",
                "CHAOSCAST_DATASET_TOKEN=d", "CHAOSCAST_TRAINING_TOKEN=t", "CHAOSCAST_INFERENCE_TOKEN=i",
                "CHAOSCAST_RESULTS_TOKEN=r", "docker-compose"));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void postgresIsPinnedKeepsItsDataInAVolumeAndReportsHealth() {
        Map<String, Object> postgres = Trees.map(services.get("postgres"));

        assertThat(Trees.string(postgres.get("image"))).matches("postgres:\\d+\\.\\d+[\\w.-]*");
        assertThat(Trees.list(postgres.get("volumes")))
                .anySatisfy(
                        volume ->
                                assertThat(String.valueOf(volume))
                                        .endsWith(":/var/lib/postgresql/data"));
        String volumeName = String.valueOf(Trees.list(postgres.get("volumes")).get(0)).split(":")[0];
        assertThat(Trees.mapAt(compose, "volumes")).containsKey(volumeName);
        assertThat(String.valueOf(Trees.at(postgres, "healthcheck.test"))).contains("pg_isready");
        assertThat(Trees.map(postgres.get("environment")))
                .containsEntry("POSTGRES_DB", "chaoscast")
                .containsKey("POSTGRES_USER");
        assertThat(postgres).containsKey("mem_limit");
    }

    @Test
    void everyServiceIsBuiltByTheDockerfileAsItsImageAndListensOnItsPort() {
        String version = RepositoryFiles.projectVersion();
        for (ServiceFacts service : ServiceFacts.all()) {
            String name = service.contract().name();
            Map<String, Object> definition = Trees.map(services.get(name));
            String port = String.valueOf(service.port());

            assertThat(Trees.stringAt(definition, "build.context")).isEqualTo(".");
            assertThat(Trees.stringAt(definition, "build.dockerfile"))
                    .isEqualTo("deploy/docker/Dockerfile");
            assertThat(Trees.mapAt(definition, "build.args"))
                    .containsEntry("SERVICE", name)
                    .containsEntry("SERVER_PORT", port);
            assertThat(withDefaults(Trees.string(definition.get("image"))))
                    .isEqualTo(service.contract().image() + ":" + version);
            assertThat(Trees.list(definition.get("ports"))).containsExactly(port + ":" + port);
        }
    }

    /** The service whose dashboard proxies to the others on demand. */
    private static final String DASHBOARD_GATEWAY = "results-service";

    @Test
    void everyServiceIsHealthCheckedOnReadinessAndWaitsForHealthyDependencies() {
        assertThat(environment(Trees.map(services.get(DASHBOARD_GATEWAY))))
                .as("the dashboard gateway knows every other service")
                .containsKeys("CHAOSCAST_SERVICES_DATASET_URL", "CHAOSCAST_SERVICES_TRAINING_URL", "CHAOSCAST_SERVICES_INFERENCE_URL");
        for (ServiceFacts service : ServiceFacts.all()) {
            String name = service.contract().name();
            Map<String, Object> definition = Trees.map(services.get(name));
            Map<String, String> env = environment(definition);

            assertThat(Trees.list(Trees.at(definition, "healthcheck.test")))
                    .as("%s healthcheck", name)
                    .containsExactly(
                            "CMD",
                            "curl",
                            "-fsS",
                            "http://localhost:" + service.port() + ServiceContract.READINESS_PATH);

            Map<String, Object> dependsOn = Trees.map(definition.get("depends_on"));
            dependsOn.forEach(
                    (dependency, condition) ->
                            assertThat(Trees.stringAt(condition, "condition"))
                                    .as("%s waits for %s", name, dependency)
                                    .isEqualTo("service_healthy"));
            if (service.schema().isPresent()) {
                assertThat(dependsOn).as("%s needs the database", name).containsKey("postgres");
                assertThat(env.get("SPRING_DATASOURCE_URL"))
                        .isEqualTo("jdbc:postgresql://postgres:5432/chaoscast");
            } else {
                assertThat(dependsOn).doesNotContainKey("postgres");
            }
            // A service called over HTTP must be up before its caller starts. The exception is
            // results-service's dashboard gateway: it calls the others only when a page asks, and
            // they in turn wait for results-service, so waiting on them would be a cycle.
            env.keySet().stream()
                    .filter(variable -> variable.startsWith("CHAOSCAST_SERVICES_"))
                    .filter(variable -> !name.equals(DASHBOARD_GATEWAY))
                    .map(
                            variable ->
                                    variable.substring(19, variable.length() - 4).toLowerCase()
                                            + "-service")
                    .forEach(target -> assertThat(dependsOn).as(name).containsKey(target));
        }
    }

    @Test
    void servicesThatKeepLocalStateWriteItToANamedVolume() {
        for (ServiceFacts service : ServiceFacts.all()) {
            List<Object> volumes = Trees.list(Trees.at(services.get(service.contract().name()), "volumes"));
            if (!service.keepsLocalState()) {
                assertThat(volumes).isEmpty();
                continue;
            }
            String mount = volumes.stream()
                    .map(String::valueOf)
                    .filter(v -> v.endsWith(":" + ServiceContract.LOCAL_STATE_DIR))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service.contract().name() + " has no volume at "
                            + ServiceContract.LOCAL_STATE_DIR));
            assertThat(Trees.mapAt(compose, "volumes")).containsKey(mount.split(":")[0]);
        }
    }

    @Test
    void everyServiceHasAMemoryLimitTheJvmSizesItselfBy() {
        for (ServiceContract service : ServiceContract.ALL) {
            Map<String, Object> definition = Trees.map(services.get(service.name()));
            assertThat(Trees.string(definition.get("mem_limit")))
                    .as("%s mem_limit", service.name())
                    .matches("\\d+[mg]");
            assertThat(environment(definition).get("JAVA_TOOL_OPTIONS"))
                    .contains("-XX:MaxRAMPercentage=");
        }
    }

    @Test
    void environmentVariablesBindToTheServicesRealProperties() {
        for (ServiceFacts service : ServiceFacts.all()) {
            Map<String, String> env = environment(Trees.map(services.get(service.contract().name())));
            assertThat(EnvironmentRules.violations(service, env)).isEmpty();
        }
    }

    @Test
    void gpuOverrideBuildsTheCudaFlavourOnACudaBaseAndReservesAGpu() {
        Map<String, Object> inference =
                Trees.map(
                        Trees.at(
                                RepositoryFiles.yaml(RepositoryFiles.read(GPU_OVERRIDE)),
                                "services.inference-service"));
        Dockerfile dockerfile = Dockerfile.parse(RepositoryFiles.read("deploy/docker/Dockerfile"));
        Map<String, Object> args = Trees.mapAt(inference, "build.args");
        String flavour = Trees.string(args.get("PYTORCH_FLAVOR"));

        assertThat(dockerfile.hasStage("libtorch-" + flavour)).as("stage for %s", flavour).isTrue();
        assertThat(flavour).startsWith("cu");
        assertThat(Trees.string(args.get("RUNTIME_BASE")))
                .matches(
                        "nvidia/cuda:"
                                + cudaVersion(flavour)
                                + "\\.\\d+-base-ubuntu"
                                + DockerfileTest.jreUbuntuRelease().replace(".", "\\."));
        assertThat(withDefaults(Trees.string(inference.get("image"))))
                .isEqualTo(
                        ServiceContract.named("inference-service").image()
                                + ":"
                                + RepositoryFiles.projectVersion()
                                + ServiceContract.GPU_TAG_SUFFIX);
        assertThat(environment(inference)).containsEntry("CHAOSCAST_INFERENCE_DEVICE", "gpu");
        Map<String, Object> device =
                Trees.maps(Trees.at(inference, "deploy.resources.reservations.devices")).get(0);
        assertThat(device).containsEntry("driver", "nvidia");
        assertThat(Trees.list(device.get("capabilities"))).contains("gpu");
    }

    /** cu128 is CUDA 12.8: the CUDA base image must carry the same major.minor. */
    static String cudaVersion(String flavour) {
        String digits = flavour.substring(2);
        return digits.substring(0, digits.length() - 1)
                + "\\."
                + digits.substring(digits.length() - 1);
    }

    static Map<String, String> environment(Map<String, Object> definition) {
        Map<String, String> env = new LinkedHashMap<>();
        Trees.map(definition.get("environment"))
                .forEach((key, value) -> env.put(key, withDefaults(String.valueOf(value))));
        return env;
    }

    /** Resolves {@code ${VAR:-default}} the way compose does when VAR is unset. */
    static String withDefaults(String value) {
        Matcher matcher = VARIABLE_DEFAULT.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(matcher.group(1)));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
