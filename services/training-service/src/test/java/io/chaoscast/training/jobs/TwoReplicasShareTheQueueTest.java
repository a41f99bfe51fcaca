package io.chaoscast.training.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.testsupport.TestDatabaseServer;
import io.chaoscast.training.config.TrainingProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two training-service replicas (two worker pools, each with its own connections, as two pods
 * would have) work one PostgreSQL queue: every job runs exactly once and both replicas take part.
 */
class TwoReplicasShareTheQueueTest {

    @Test
    void everyJobRunsOnceAcrossTwoReplicas() throws Exception {
        TestDatabaseServer server = TestDatabaseServer.get();
        String url = server.newDatabase();
        DriverManagerDataSource first = new DriverManagerDataSource(url, server.username(), server.password());
        DriverManagerDataSource second = new DriverManagerDataSource(url, server.username(), server.password());
        Flyway.configure().dataSource(first).schemas("training").defaultSchema("training")
                .locations("classpath:db/migration/training").load().migrate();
        JobRepository jobsA = new JobRepository(JdbcClient.create(first));
        JobRepository jobsB = new JobRepository(JdbcClient.create(second));

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID id = UUID.randomUUID();
            jobsA.insert(id, "ds-" + i, "exp", "linear", "{}", UUID.randomUUID(), 3);
            ids.add(id);
        }
        Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byReplica = new ConcurrentHashMap<>();
        TrainingProperties properties = new TrainingProperties(2, Duration.ofSeconds(30), Duration.ofMillis(20), 3, null);
        JobWorkers a = new JobWorkers(jobsA, executor(runs, byReplica, "a"), properties);
        JobWorkers b = new JobWorkers(jobsB, executor(runs, byReplica, "b"), properties);
        a.start();
        b.start();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (System.nanoTime() < deadline && !ids.stream().allMatch(id -> jobsA.find(id).orElseThrow().status() == JobStatus.SUCCEEDED)) {
                Thread.sleep(50);
            }
        } finally {
            a.stop();
            b.stop();
        }
        assertThat(ids).allSatisfy(id -> assertThat(jobsA.find(id).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED));
        assertThat(runs).hasSize(40);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(byReplica.keySet()).containsExactlyInAnyOrder("a", "b");
    }

    private static JobExecutor executor(Map<UUID, AtomicInteger> runs, Map<String, AtomicInteger> byReplica, String replica) {
        return (job, context) -> {
            runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
            byReplica.computeIfAbsent(replica, k -> new AtomicInteger()).incrementAndGet();
            // Long enough that both replicas are busy at once.
            Thread.sleep(30);
            return null;
        };
    }
}
