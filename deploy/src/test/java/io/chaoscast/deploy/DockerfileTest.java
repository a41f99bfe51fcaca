package io.chaoscast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * deploy/docker/Dockerfile, parsed and held to the services: no Docker engine is needed (nor
 * present on the build machine), so the image definition is checked instead of built.
 */
class DockerfileTest {

    /** Spring Boot's default layers, in the order of its layers.idx. */
    static final List<String> BOOT_LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    private final Dockerfile dockerfile =
            Dockerfile.parse(RepositoryFiles.read("deploy/docker/Dockerfile"));

    @Test
    void buildsEachServiceFromTheJarItsPomProduces() {
        Dockerfile.Stage extract = dockerfile.stage("extract");
        String copy = extract.last("COPY").orElseThrow().arguments();
        String source = copy.split("\\s+")[0];

        for (ServiceFacts service : ServiceFacts.all()) {
            assertThat(Dockerfile.substitute(source, Map.of("SERVICE", service.contract().name())))
                    .as("jar copied for %s", service.contract().name())
                    .isEqualTo(service.jar());
        }
        assertThat(copy).endsWith(" application.jar");
        assertThat(extract.all("ARG").stream().map(Dockerfile.Instruction::arguments))
                .contains("SERVICE", "SERVER_PORT");
    }

    @Test
    void splitsTheJarIntoBootLayersAndCopiesThemInLayerOrder() throws IOException {
        assertThat(dockerfile.stage("extract").runScript())
                .contains(
                        "java -Djarmode=tools -jar application.jar extract --layers --destination extracted");

        List<String> copiedLayers = new ArrayList<>();
        Pattern layerCopy = Pattern.compile("--from=\\S+ /builder/extracted/([a-z-]+)/ \\./");
        for (Dockerfile.Instruction copy : dockerfile.finalStage().all("COPY")) {
            Matcher matcher = layerCopy.matcher(copy.arguments());
            if (matcher.find()) {
                copiedLayers.add(matcher.group(1));
            }
        }
        assertThat(copiedLayers).isEqualTo(BOOT_LAYERS);

        // Where a service jar is built, its own layers.idx decides.
        for (ServiceFacts service : ServiceFacts.all()) {
            Path jar = RepositoryFiles.path(service.jar());
            if (Files.isRegularFile(jar)) {
                assertThat(layersOf(jar)).as("layers of %s", jar).isEqualTo(copiedLayers);
            }
        }
    }

    @Test
    void startsTheExtractedApplicationJar() {
        Dockerfile.Stage runtime = dockerfile.finalStage();
        assertThat(runtime.last("WORKDIR").orElseThrow().arguments()).isEqualTo("/app");
        assertThat(runtime.last("ENTRYPOINT").orElseThrow().arguments())
                .isEqualTo("[\"java\", \"-jar\", \"/app/application.jar\"]");
    }

    @Test
    void runsAsAnUnprivilegedUserTheImageCreates() {
        Dockerfile.Stage runtime = dockerfile.finalStage();
        String user = runtime.last("USER").orElseThrow().arguments();
        Matcher numeric = Pattern.compile("(\\d+):(\\d+)").matcher(user);

        // Numeric, so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
        assertThat(numeric.matches()).as("USER %s is uid:gid", user).isTrue();
        assertThat(Integer.parseInt(numeric.group(1))).isPositive();
        assertThat(runtime.runScript())
                .contains("useradd --system --uid " + numeric.group(1))
                .contains("groupadd --system --gid " + numeric.group(2))
                // The relative .chaoscast/ state directory (WORKDIR /app) is the user's to write.
                .contains(
                        "mkdir -p " + ServiceContract.LOCAL_STATE_DIR + " && chown " + user + " "
                                + ServiceContract.LOCAL_STATE_DIR);
    }

    @Test
    void sizesTheJvmByTheContainerAndKeepsOpenMpThreadsPassive() {
        Map<String, String> env = dockerfile.finalStage().env();

        assertThat(env).containsEntry("OMP_WAIT_POLICY", "PASSIVE");
        assertThat(env.get("JAVA_TOOL_OPTIONS"))
                .contains("-XX:MaxRAMPercentage=75")
                .contains("-Dai.djl.offline=true");
    }

    @Test
    void exposesTheServicePortAndChecksReadinessWithTheCurlItInstalls() {
        Dockerfile.Stage runtime = dockerfile.finalStage();

        assertThat(runtime.env()).containsEntry("SERVER_PORT", "${SERVER_PORT}");
        assertThat(runtime.last("EXPOSE").orElseThrow().arguments()).isEqualTo("${SERVER_PORT}");
        assertThat(runtime.last("HEALTHCHECK").orElseThrow().arguments())
                .contains(
                        "curl -fsS \"http://localhost:${SERVER_PORT}"
                                + ServiceContract.READINESS_PATH
                                + "\"");
        assertThat(runtime.runScript()).contains("apt-get install -y --no-install-recommends curl");
    }

    @Test
    void shipsTheLibtorchAndJniOfTheDjlVersionTheBuildResolves() throws IOException {
        Properties engine = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/pytorch-engine.properties")) {
            engine.load(in);
        }
        assertThat(dockerfile.globalArgs())
                .containsEntry("PYTORCH_VERSION", engine.getProperty("pytorch_version"))
                .containsEntry("DJL_VERSION", engine.getProperty("djl_version"))
                .containsEntry("PYTORCH_FLAVOR", "cpu");

        // Every flavour the Dockerfile can build is one DJL ships a JNI library for.
        List<String> flavours =
                dockerfile.stages().stream()
                        .map(Dockerfile.Stage::name)
                        .filter(name -> name != null && name.startsWith("libtorch-"))
                        .map(name -> name.substring("libtorch-".length()))
                        .filter(flavour -> !flavour.equals("common"))
                        .toList();
        assertThat(flavours).contains("cpu", "cu128");
        for (String flavour : flavours) {
            assertThat(getClass().getResource("/jnilib/linux-x86_64/" + flavour + "/libdjl_torch.so"))
                    .as("DJL JNI library for flavour %s", flavour)
                    .isNotNull();
        }
        assertThat(dockerfile.stage("libtorch").base()).isEqualTo("libtorch-${PYTORCH_FLAVOR}");

        // The JNI library must sit where LibUtils.findJniLibrary looks:
        // $ENGINE_CACHE_DIR/pytorch/<version>-<flavour>-<classifier>/<djl version>-libdjl_torch.so
        Map<String, String> env = dockerfile.finalStage().env();
        assertThat(env)
                .containsEntry("PYTORCH_LIBRARY_PATH", "/opt/djl/libtorch")
                .containsEntry("PYTORCH_VERSION", "${PYTORCH_VERSION}")
                .containsEntry("PYTORCH_FLAVOR", "${PYTORCH_FLAVOR}")
                .containsEntry("ENGINE_CACHE_DIR", "/opt/djl/engines");
        assertThat(dockerfile.stage("libtorch").runScript())
                .contains(
                        "target=\"" + env.get("ENGINE_CACHE_DIR")
                                + "/pytorch/${PYTORCH_VERSION}-${PYTORCH_FLAVOR}-linux-x86_64\"")
                .contains("\"${target}/${DJL_VERSION}-libdjl_torch.so\"");
    }

    @Test
    void basesArePinnedJava17Images() {
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            String base = Dockerfile.substitute(stage.base(), defaults());
            if (dockerfile.hasStage(base)) {
                continue;
            }
            assertThat(base).as("base of stage %s", stage.name()).matches("[a-z0-9./_-]+:[\\w.-]+");
            assertThat(base).doesNotEndWith(":latest");
        }
        assertThat(defaults().get("JRE_IMAGE")).startsWith("eclipse-temurin:17-jre");
        // The JRE is copied onto the runtime base: same Ubuntu release, same glibc.
        assertThat(defaults().get("RUNTIME_BASE")).isEqualTo("ubuntu:" + jreUbuntuRelease());
        assertThat(dockerfile.stage("extract").base()).startsWith("eclipse-temurin:17-jdk");
    }

    /** The Ubuntu release (22.04) of the Temurin JRE image (…-jammy) the runtime copies. */
    static String jreUbuntuRelease() {
        Dockerfile dockerfile = Dockerfile.parse(RepositoryFiles.read("deploy/docker/Dockerfile"));
        String jre = dockerfile.globalArgs().get("JRE_IMAGE");
        Map<String, String> releases = Map.of("jammy", "22.04", "noble", "24.04", "focal", "20.04");
        return releases.get(jre.substring(jre.lastIndexOf('-') + 1));
    }

    /** The uid the image runs as; the Kubernetes manifests must run as exactly that user. */
    static int uid() {
        Dockerfile dockerfile = Dockerfile.parse(RepositoryFiles.read("deploy/docker/Dockerfile"));
        return Integer.parseInt(dockerfile.finalStage().last("USER").orElseThrow().arguments().split(":")[0]);
    }

    private Map<String, String> defaults() {
        return dockerfile.globalArgs().entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<String> layersOf(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry index = zip.getEntry("BOOT-INF/layers.idx");
            List<String> layers = new ArrayList<>();
            try (InputStream in = zip.getInputStream(index)) {
                for (String line : new String(in.readAllBytes()).split("\n")) {
                    if (line.startsWith("- \"")) {
                        layers.add(line.substring(3, line.lastIndexOf("\"")));
                    }
                }
            }
            return layers;
        }
    }
}
