package io.chaoscast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every pod opens up to its Hikari maximum-pool-size connections to the one PostgreSQL server.
 * The sum over all pods, counting the extra pod a rolling update surges, must stay below
 * max_connections minus headroom for superuser sessions, backups, migrations and psql.
 */
class DatabaseConnectionBudgetTest {

    /** superuser_reserved_connections (3) plus room for backup, monitoring and a human. */
    static final int HEADROOM = 20;

    /** PostgreSQL's default; base and gpu run against an external server of at least this size. */
    static final int EXTERNAL_SERVER_MAX_CONNECTIONS = 100;

    /** Hikari's maximum-pool-size when a service does not set it. */
    static final int HIKARI_DEFAULT_POOL = 10;

    private static final Pattern MAX_CONNECTIONS = Pattern.compile("max_connections=(\\d+)");

    record Consumer(String service, int pods, int pool) {
        int connections() {
            return pods * pool;
        }
    }

    @Test
    void composeStaysWithinItsPostgresMaxConnections() {
        Map<String, Object> compose = Trees.map(RepositoryFiles.yaml(RepositoryFiles.read(DockerComposeTest.COMPOSE)));
        int maxConnections = maxConnections(String.valueOf(Trees.at(compose, "services.postgres.command")));
        List<Consumer> consumers = new ArrayList<>();
        for (ServiceContract service : ServiceContract.ALL) {
            Map<String, String> env = DockerComposeTest.environment(Trees.mapAt(compose, "services." + service.name()));
            if (env.containsKey("SPRING_DATASOURCE_URL")) {
                consumers.add(new Consumer(service.name(), 1, pool(env)));
            }
        }
        assertWithinBudget(consumers, maxConnections);
    }

    @ParameterizedTest
    @ValueSource(strings = {KustomizeTest.BASE, KustomizeTest.LOCAL, KustomizeTest.GPU})
    void kubernetesPodsStayWithinPostgresMaxConnectionsDuringRollingUpdates(String target) {
        List<Map<String, Object>> resources = Kustomization.render(target);
        int maxConnections =
                resources.stream()
                        .filter(r -> "StatefulSet".equals(r.get("kind")) && "postgres".equals(Trees.stringAt(r, "metadata.name")))
                        .findFirst()
                        .map(postgres -> maxConnections(String.valueOf(Trees.at(KustomizeTest.container(postgres), "args"))))
                        .orElse(EXTERNAL_SERVER_MAX_CONNECTIONS);

        assertWithinBudget(consumers(resources), maxConnections);
    }

    @Test
    void theBudgetCatchesTrainingWorkersScaledPastTheServer() {
        List<Consumer> consumers = new ArrayList<>(consumers(Kustomization.render(KustomizeTest.GPU)));
        consumers.replaceAll(c -> c.service().equals("training-service") ? new Consumer(c.service(), 20, c.pool()) : c);

        assertThat(total(consumers)).isGreaterThan(EXTERNAL_SERVER_MAX_CONNECTIONS - HEADROOM);
    }

    static List<Consumer> consumers(List<Map<String, Object>> resources) {
        List<Consumer> consumers = new ArrayList<>();
        for (Map<String, Object> deployment : resources) {
            if (!"Deployment".equals(deployment.get("kind"))) {
                continue;
            }
            String name = Trees.stringAt(deployment, "metadata.name");
            Map<String, String> env = KustomizeTest.environment(resources, KustomizeTest.container(deployment));
            if (!env.containsKey("SPRING_DATASOURCE_URL")) {
                continue;
            }
            int replicas = Optional.ofNullable((Integer) Trees.at(deployment, "spec.replicas")).orElse(1);
            for (Map<String, Object> hpa : resources) {
                if ("HorizontalPodAutoscaler".equals(hpa.get("kind"))
                        && name.equals(Trees.stringAt(hpa, "spec.scaleTargetRef.name"))) {
                    replicas = (Integer) Trees.at(hpa, "spec.maxReplicas");
                }
            }
            int surge = Optional.ofNullable((Integer) Trees.at(deployment, "spec.strategy.rollingUpdate.maxSurge")).orElse(1);
            consumers.add(new Consumer(name, replicas + surge, pool(env)));
        }
        return consumers;
    }

    private static int pool(Map<String, String> env) {
        return Optional.ofNullable(env.get("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE"))
                .map(Integer::parseInt)
                .orElse(HIKARI_DEFAULT_POOL);
    }

    private static int maxConnections(String command) {
        Matcher matcher = MAX_CONNECTIONS.matcher(command);
        assertThat(matcher.find()).as("PostgreSQL started with an explicit max_connections: %s", command).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static int total(List<Consumer> consumers) {
        return consumers.stream().mapToInt(Consumer::connections).sum();
    }

    private static void assertWithinBudget(List<Consumer> consumers, int maxConnections) {
        assertThat(consumers).isNotEmpty();
        assertThat(total(consumers))
                .as("sum of pool x pods %s against max_connections %d - headroom %d", consumers, maxConnections, HEADROOM)
                .isLessThanOrEqualTo(maxConnections - HEADROOM);
    }
}
