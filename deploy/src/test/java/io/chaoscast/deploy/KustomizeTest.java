package io.chaoscast.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/k8s, rendered (by kubectl kustomize where installed, and always by {@link
 * Kustomization}'s own renderer) and held to the services: ports, probe paths, environment
 * variable names, image names, database settings. The manifests cannot drift from the code.
 */
class KustomizeTest {

    static final String BASE = "deploy/k8s/base";
    static final String LOCAL = "deploy/k8s/overlays/local";
    static final String GPU = "deploy/k8s/overlays/gpu";

    private static final Pattern LIFECYCLE_TIMEOUT = Pattern.compile("(\\d+)s");

    static Stream<Arguments> renderings() {
        return Stream.of("built-in", "kubectl")
                .flatMap(renderer -> Stream.of(BASE, LOCAL, GPU).map(target -> Arguments.of(renderer, target)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("renderings")
    void everyServiceRunsAsItsCodeExpects(String renderer, String target) {
        List<Map<String, Object>> resources = resources(renderer, target);
        String version = RepositoryFiles.projectVersion();
        // Soft: one run names every drifted field of every service, not just the first.
        SoftAssertions softly = new SoftAssertions();

        for (ServiceFacts service : ServiceFacts.all()) {
            String name = service.contract().name();
            Map<String, Object> deployment = resource(resources, "Deployment", name);
            Map<String, Object> pod = Trees.mapAt(deployment, "spec.template");
            Map<String, Object> container = container(deployment);

            softly.assertThat(Trees.mapAt(deployment, "spec.selector.matchLabels"))
                    .isEqualTo(Map.of("app.kubernetes.io/name", name));
            softly.assertThat(Trees.mapAt(pod, "metadata.labels")).containsAllEntriesOf(Map.of("app.kubernetes.io/name", name));
            softly.assertThat(container.get("name")).isEqualTo(name);
            boolean gpuImage = target.equals(GPU) && name.equals("inference-service");
            softly.assertThat(container.get("image"))
                    .isEqualTo(service.contract().image() + ":" + version + (gpuImage ? ServiceContract.GPU_TAG_SUFFIX : ""));
            softly.assertThat(Trees.maps(container.get("ports")))
                    .containsExactly(Map.of("name", "http", "containerPort", service.port()));

            softly.assertThat(Trees.mapAt(container, "readinessProbe.httpGet"))
                    .isEqualTo(Map.of("path", ServiceContract.READINESS_PATH, "port", "http"));
            softly.assertThat(Trees.mapAt(container, "livenessProbe.httpGet"))
                    .isEqualTo(Map.of("path", ServiceContract.LIVENESS_PATH, "port", "http"));
            softly.assertThat(Trees.mapAt(container, "startupProbe.httpGet"))
                    .isEqualTo(Map.of("path", ServiceContract.LIVENESS_PATH, "port", "http"));

            softly.assertThat(Trees.mapAt(pod, "metadata.annotations"))
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(service.port()))
                    .containsEntry("prometheus.io/path", ServiceContract.PROMETHEUS_PATH);

            for (String kind : List.of("requests", "limits")) {
                softly.assertThat(Trees.mapAt(container, "resources." + kind))
                        .as("%s resources.%s", name, kind)
                        .containsKeys("cpu", "memory");
            }

            softly.assertThat(Trees.mapAt(pod, "spec.securityContext"))
                    .containsEntry("runAsNonRoot", true)
                    .containsEntry("runAsUser", DockerfileTest.uid())
                    .containsEntry("fsGroup", DockerfileTest.uid());

            List<Map<String, Object>> mounts = Trees.maps(container.get("volumeMounts"));
            if (service.keepsLocalState()) {
                softly.assertThat(mounts)
                        .as("%s writes %s", name, ServiceContract.LOCAL_STATE_DIR)
                        .anySatisfy(mount -> {
                            assertThat(mount.get("mountPath")).isEqualTo(ServiceContract.LOCAL_STATE_DIR);
                            assertThat(Trees.maps(Trees.at(pod, "spec.volumes")))
                                    .anySatisfy(volume -> assertThat(volume.get("name")).isEqualTo(mount.get("name")));
                        });
            } else {
                softly.assertThat(mounts).as("%s mounts", name).isEmpty();
            }

            Map<String, String> env = environment(resources, container);
            softly.assertThat(EnvironmentRules.violations(service, env)).as("%s in %s", name, target).isEmpty();

            // Graceful shutdown fits in the grace period, with the preStop pause before it.
            Matcher timeout = LIFECYCLE_TIMEOUT.matcher(env.get("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE"));
            assertThat(timeout.matches()).isTrue();
            int preStop = Integer.parseInt(String.valueOf(Trees.list(Trees.at(container, "lifecycle.preStop.exec.command")).get(1)));
            softly.assertThat((Integer) Trees.at(pod, "spec.terminationGracePeriodSeconds"))
                    .as("%s terminationGracePeriodSeconds", name)
                    .isGreaterThan(Integer.parseInt(timeout.group(1)) + preStop);

            Map<String, Object> kubeService = resource(resources, "Service", name);
            softly.assertThat(Trees.mapAt(kubeService, "spec.selector")).isEqualTo(Map.of("app.kubernetes.io/name", name));
            softly.assertThat(Trees.maps(Trees.at(kubeService, "spec.ports")))
                    .containsExactly(Map.of("name", "http", "port", service.port(), "targetPort", "http"));
        }
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"built-in", "kubectl"})
    void localOverlayRunsOnePostgresWithAVolumeClaimAndOneReplicaOfEachService(String renderer) {
        List<Map<String, Object>> resources = resources(renderer, LOCAL);
        Map<String, Object> postgres = resource(resources, "StatefulSet", "postgres");
        Map<String, Object> container = container(postgres);

        assertThat(Trees.maps(Trees.at(postgres, "spec.volumeClaimTemplates")))
                .singleElement()
                .satisfies(claim -> assertThat(Trees.stringAt(claim, "spec.resources.requests.storage")).matches("\\d+Gi"));
        assertThat(Trees.maps(container.get("volumeMounts")))
                .anySatisfy(mount -> assertThat(mount.get("mountPath")).isEqualTo("/var/lib/postgresql/data"));
        assertThat(container.get("image"))
                .as("same PostgreSQL as docker-compose.yml")
                .isEqualTo(Trees.stringAt(RepositoryFiles.yaml(RepositoryFiles.read(DockerComposeTest.COMPOSE)), "services.postgres.image"));
        assertThat(String.valueOf(Trees.at(container, "readinessProbe.exec.command"))).contains("pg_isready");

        Map<String, Object> service = resource(resources, "Service", "postgres");
        int port = (Integer) Trees.maps(Trees.at(service, "spec.ports")).get(0).get("port");
        String database =
                Trees.maps(container.get("env")).stream()
                        .filter(e -> e.get("name").equals("POSTGRES_DB"))
                        .map(e -> Trees.string(e.get("value")))
                        .findFirst()
                        .orElseThrow();
        assertThat(Trees.stringAt(resource(resources, "ConfigMap", "chaoscast-database"), "data.SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://postgres:" + port + "/" + database);

        for (ServiceContract contract : ServiceContract.ALL) {
            assertThat(Trees.at(resource(resources, "Deployment", contract.name()), "spec.replicas"))
                    .as("%s replicas", contract.name())
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"built-in", "kubectl"})
    void gpuOverlayRunsInferenceOnGpuNodesScaledByAnHpaAndSeveralTrainingWorkers(String renderer) {
        List<Map<String, Object>> resources = resources(renderer, GPU);
        Map<String, Object> inference = resource(resources, "Deployment", "inference-service");
        Map<String, Object> pod = Trees.mapAt(inference, "spec.template.spec");
        Map<String, Object> container = container(inference);

        assertThat(Trees.mapAt(container, "resources.limits")).containsEntry("nvidia.com/gpu", 1);
        assertThat(Trees.map(pod.get("nodeSelector"))).containsEntry("nvidia.com/gpu.present", "true");
        assertThat(Trees.maps(pod.get("tolerations")))
                .anySatisfy(toleration -> assertThat(toleration)
                        .containsEntry("key", "nvidia.com/gpu")
                        .containsEntry("effect", "NoSchedule"));
        assertThat(environment(resources, container)).containsEntry("CHAOSCAST_INFERENCE_DEVICE", "gpu");
        assertThat(Trees.mapAt(inference, "spec")).as("the HPA owns the replica count").doesNotContainKey("replicas");

        Map<String, Object> hpa = resource(resources, "HorizontalPodAutoscaler", "inference-service");
        assertThat(Trees.mapAt(hpa, "spec.scaleTargetRef"))
                .containsEntry("kind", "Deployment")
                .containsEntry("name", "inference-service");
        int min = (Integer) Trees.at(hpa, "spec.minReplicas");
        int max = (Integer) Trees.at(hpa, "spec.maxReplicas");
        assertThat(min).isPositive();
        assertThat(max).isGreaterThan(min);

        // Training workers share the PostgreSQL job queue: more replicas, more workers.
        assertThat((Integer) Trees.at(resource(resources, "Deployment", "training-service"), "spec.replicas"))
                .isGreaterThan(1);
        for (ServiceContract contract : ServiceContract.ALL) {
            if (!contract.name().equals("inference-service")) {
                Map<String, Object> other = container(resource(resources, "Deployment", contract.name()));
                assertThat(Trees.map(Trees.at(other, "resources.limits"))).doesNotContainKey("nvidia.com/gpu");
                assertThat(Trees.string(other.get("image"))).doesNotEndWith(ServiceContract.GPU_TAG_SUFFIX);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {BASE, LOCAL, GPU})
    void tokensAndPasswordsComeFromSecretsTheManifestsDoNotHold(String target) {
        List<Map<String, Object>> resources = resources("kubectl", target);
        assertThat(resources).as("no Secret (and so no default password or token) in %s", target)
                .noneSatisfy(r -> assertThat(r.get("kind")).isEqualTo("Secret"));
        for (ServiceContract contract : ServiceContract.ALL) {
            Map<String, Object> container = container(resource(resources, "Deployment", contract.name()));
            Map<String, Map<String, Object>> env = new LinkedHashMap<>();
            Trees.maps(container.get("env")).forEach(e -> env.put(Trees.string(e.get("name")), e));
            String own = contract.name().replace("-service", "");
            assertThat(Trees.mapAt(env.get("CHAOSCAST_SECURITY_CLIENT_TOKEN"), "valueFrom.secretKeyRef"))
                    .as("%s sends its own token", contract.name())
                    .containsEntry("name", "chaoscast-tokens")
                    .containsEntry("key", own + "-token");
            for (ServiceContract other : ServiceContract.ALL) {
                String variable = "CHAOSCAST_SECURITY_SERVICETOKENS_" + other.name().replace("-service", "").toUpperCase(Locale.ROOT);
                assertThat(Trees.mapAt(env.get(variable), "valueFrom.secretKeyRef"))
                        .as("%s accepts %s's token", contract.name(), other.name())
                        .containsEntry("name", "chaoscast-tokens");
            }
            env.forEach((name, e) -> {
                if (name.contains("PASSWORD") || name.contains("TOKEN")) {
                    assertThat(e).as("%s %s", contract.name(), name).doesNotContainKey("value");
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {BASE, LOCAL, GPU})
    void networkPoliciesAdmitOnlyTheIngressAndTheServicesThemselves(String target) {
        List<Map<String, Object>> resources = resources("kubectl", target);
        Map<String, Object> deny = resource(resources, "NetworkPolicy", "default-deny-ingress");
        assertThat(Trees.map(Trees.at(deny, "spec.podSelector"))).isEmpty();
        assertThat(Trees.list(Trees.at(deny, "spec.policyTypes"))).containsExactly("Ingress");
        assertThat(Trees.mapAt(deny, "spec")).doesNotContainKey("ingress");

        Map<String, Object> services = resource(resources, "NetworkPolicy", "chaoscast-services");
        List<String> names = ServiceContract.ALL.stream().map(ServiceContract::name).toList();
        assertThat(Trees.list(Trees.maps(Trees.at(services, "spec.podSelector.matchExpressions")).get(0).get("values")))
                .containsExactlyInAnyOrderElementsOf(names);
        List<Map<String, Object>> rules = Trees.maps(Trees.at(services, "spec.ingress"));
        assertThat(rules).hasSize(1);
        List<Map<String, Object>> from = Trees.maps(rules.get(0).get("from"));
        assertThat(from).hasSize(2);
        assertThat(Trees.mapAt(from.get(0), "namespaceSelector.matchLabels")).containsKey("kubernetes.io/metadata.name");
        assertThat(from.get(0)).doesNotContainKey("podSelector");
        // The services and the queue-only training workers of the keda overlay, nothing else.
        List<String> callers = new java.util.ArrayList<>(names);
        callers.add("training-worker");
        assertThat(Trees.list(Trees.maps(Trees.at(from.get(1), "podSelector.matchExpressions")).get(0).get("values")))
                .containsExactlyInAnyOrderElementsOf(callers);
        if (target.equals(LOCAL)) {
            Map<String, Object> postgres = resource(resources, "NetworkPolicy", "postgres");
            assertThat(Trees.list(Trees.maps(Trees.at(Trees.maps(Trees.maps(Trees.at(postgres, "spec.ingress")).get(0).get("from")).get(0),
                            "podSelector.matchExpressions")).get(0).get("values")))
                    .doesNotContain("inference-service")
                    .contains("results-service");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {BASE, LOCAL, GPU})
    void builtInRendererAgreesWithKubectlKustomize(String target) {
        Kustomization.Rendering kubectl = Kustomization.kubectl(target);
        assumeTrue(kubectl.available(), kubectl.unavailableBecause());

        assertThat(byKindAndName(Kustomization.render(target))).isEqualTo(byKindAndName(kubectl.resources()));
    }

    static List<Map<String, Object>> resources(String renderer, String target) {
        if (renderer.equals("kubectl")) {
            Kustomization.Rendering rendering = Kustomization.kubectl(target);
            assumeTrue(rendering.available(), () -> "Render step skipped: " + rendering.unavailableBecause());
            return rendering.resources();
        }
        return Kustomization.render(target);
    }

    static Map<String, Object> resource(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> kind.equals(r.get("kind")) && name.equals(Trees.stringAt(r, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " " + name));
    }

    static Map<String, Object> container(Map<String, Object> workload) {
        List<Map<String, Object>> containers = Trees.maps(Trees.at(workload, "spec.template.spec.containers"));
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    /** The container's environment: its env list plus every key of the ConfigMaps/Secrets it imports. */
    static Map<String, String> environment(List<Map<String, Object>> resources, Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> from : Trees.maps(container.get("envFrom"))) {
            if (from.containsKey("configMapRef")) {
                Map<String, Object> configMap = resource(resources, "ConfigMap", Trees.stringAt(from, "configMapRef.name"));
                Trees.map(configMap.get("data")).forEach((k, v) -> env.put(k, Trees.string(v)));
            }
            if (from.containsKey("secretRef")) {
                Map<String, Object> secret = resource(resources, "Secret", Trees.stringAt(from, "secretRef.name"));
                Trees.map(secret.get("stringData")).forEach((k, v) -> env.put(k, Trees.string(v)));
                Trees.map(secret.get("data")).forEach((k, v) -> env.put(k, "(base64)"));
            }
        }
        for (Map<String, Object> variable : Trees.maps(container.get("env"))) {
            env.put(
                    Trees.string(variable.get("name")),
                    Optional.ofNullable(Trees.string(variable.get("value"))).orElse("(from reference)"));
        }
        return env;
    }

    /** Resources keyed by kind/name, with named lists (env, containers) in name order. */
    private static Map<String, Object> byKindAndName(List<Map<String, Object>> resources) {
        Map<String, Object> keyed = new TreeMap<>();
        for (Map<String, Object> resource : resources) {
            keyed.put(resource.get("kind") + "/" + Trees.stringAt(resource, "metadata.name"), sortNamedLists(resource));
        }
        return keyed;
    }

    private static Object sortNamedLists(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, value) -> sorted.put(String.valueOf(key), sortNamedLists(value)));
            return sorted;
        }
        if (node instanceof List<?> list) {
            List<Object> items = new java.util.ArrayList<>(list.stream().map(KustomizeTest::sortNamedLists).toList());
            if (items.stream().allMatch(item -> item instanceof Map<?, ?> m && m.containsKey("name"))) {
                items.sort(java.util.Comparator.comparing(item -> String.valueOf(((Map<?, ?>) item).get("name"))));
            }
            return items;
        }
        return node;
    }
}
