package io.chaoscast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The KEDA overlay: training workers scaled from zero with the PostgreSQL job queue, held to the
 * training-service's code (its queue table and states, its variables) and to the base's database
 * settings.
 */
class KedaOverlayTest {

    static final String KEDA = "deploy/k8s/overlays/keda";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"built-in", "kubectl"})
    void workersScaleFromZeroWithTheQueueWhileTheApiStaysUp(String renderer) {
        List<Map<String, Object>> resources = KustomizeTest.resources(renderer, KEDA);

        Map<String, Object> worker = KustomizeTest.resource(resources, "Deployment", "training-worker");
        assertThat(Trees.mapAt(worker, "spec")).as("KEDA owns the replica count").doesNotContainKey("replicas");
        Map<String, Object> container = KustomizeTest.container(worker);
        Map<String, String> env = KustomizeTest.environment(resources, container);
        assertThat(EnvironmentRules.violations(ServiceFacts.of("training-service"), env)).isEmpty();
        assertThat(Integer.parseInt(env.get("CHAOSCAST_TRAINING_WORKERS"))).isPositive();
        assertThat(env).containsEntry("CHAOSCAST_BENCHMARKS_ENABLED", "false");
        assertThat(resources).noneSatisfy(r -> assertThat(r.get("kind") + "/" + Trees.stringAt(r, "metadata.name")).isEqualTo("Service/training-worker"));

        Map<String, Object> api = KustomizeTest.resource(resources, "Deployment", "training-service");
        Map<String, String> apiEnv = KustomizeTest.environment(resources, KustomizeTest.container(api));
        assertThat(apiEnv).containsEntry("CHAOSCAST_TRAINING_WORKERS", "0");
        assertThat((Integer) Trees.at(api, "spec.replicas")).isEqualTo(1);

        Map<String, Object> scaled = KustomizeTest.resource(resources, "ScaledObject", "training-worker");
        assertThat(Trees.mapAt(scaled, "spec.scaleTargetRef")).containsEntry("kind", "Deployment").containsEntry("name", "training-worker");
        assertThat((Integer) Trees.at(scaled, "spec.minReplicaCount")).isZero();
        assertThat((Integer) Trees.at(scaled, "spec.maxReplicaCount")).isGreaterThan(1);
        Map<String, Object> trigger = Trees.maps(Trees.at(scaled, "spec.triggers")).get(0);
        assertThat(trigger.get("type")).isEqualTo("postgresql");
        Map<String, Object> meta = Trees.map(trigger.get("metadata"));
        String query = Trees.string(meta.get("query"));
        // The query reads the queue table the training-service's migration creates, by its states.
        String migration = RepositoryFiles.read("services/training-service/src/main/resources/db/migration/training/V1__training_jobs.sql");
        assertThat(migration).contains("CREATE TABLE training.jobs");
        assertThat(query).contains("FROM training.jobs").contains("'queued'").contains("'running'");
        assertThat(Double.parseDouble(Trees.string(meta.get("targetQueryValue")))).isPositive();

        // The same database and user as the services, the password from the same Secret.
        Map<String, Object> config = KustomizeTest.resource(resources, "ConfigMap", "chaoscast-database");
        String url = Trees.stringAt(config, "data.SPRING_DATASOURCE_URL");
        String host = Trees.string(meta.get("host"));
        assertThat(url).contains("//" + host.substring(0, host.indexOf('.')) + ":" + meta.get("port") + "/" + meta.get("dbName"));
        assertThat(host).endsWith("." + Trees.stringAt(scaled, "metadata.namespace") + ".svc.cluster.local");
        assertThat(meta.get("userName")).isEqualTo(Trees.stringAt(config, "data.SPRING_DATASOURCE_USERNAME"));
        String auth = Trees.stringAt(trigger, "authenticationRef.name");
        Map<String, Object> triggerAuth = KustomizeTest.resource(resources, "TriggerAuthentication", auth);
        Map<String, Object> ref = Trees.maps(Trees.at(triggerAuth, "spec.secretTargetRef")).get(0);
        assertThat(ref).containsEntry("parameter", "password").containsEntry("key", "SPRING_DATASOURCE_PASSWORD");
        // The operator's Secret (never in the manifests, docs/security.md) that the services read too.
        assertThat(ref).containsEntry("name", "chaoscast-database");
        assertThat(resources).noneSatisfy(r -> assertThat(r.get("kind")).isEqualTo("Secret"));
    }
}
