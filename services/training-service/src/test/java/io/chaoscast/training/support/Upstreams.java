package io.chaoscast.training.support;

import io.chaoscast.contracts.datasets.DatasetClient;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.dataset.DatasetServiceApplication;
import io.chaoscast.results.ResultsServiceApplication;
import io.chaoscast.testsupport.RunningService;
import io.chaoscast.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real dataset- and results-service a training-service test talks to, started in this JVM on
 * the embedded PostgreSQL: the results-service knows the dataset-service (benchmarks need it), and
 * {@link #register} points the service under test at both.
 */
public final class Upstreams implements AutoCloseable {

    private final RunningService datasets;
    private RunningService results;
    private final Map<String, Object> resultsProperties;

    private Upstreams(RunningService datasets, RunningService results) {
        this.datasets = datasets;
        this.results = results;
        // A restart comes back where the clients know it, on the data it had.
        var env = results.context().getEnvironment();
        this.resultsProperties = Map.of(
                "chaoscast.services.dataset-url", datasets.baseUri().toString(),
                "server.port", env.getRequiredProperty("local.server.port"),
                "spring.datasource.url", env.getRequiredProperty("spring.datasource.url"));
    }

    public static Upstreams start() {
        RunningService datasets;
        try {
            datasets = RunningService.start(DatasetServiceApplication.class, "datasets",
                    Map.of("chaoscast.datasets.directory", Files.createTempDirectory("datasets").toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RunningService results = RunningService.start(ResultsServiceApplication.class, "results",
                Map.of("chaoscast.services.dataset-url", datasets.baseUri().toString()));
        return new Upstreams(datasets, results);
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("chaoscast.services.results-url", () -> results.baseUri().toString());
        registry.add("chaoscast.services.dataset-url", () -> datasets.baseUri().toString());
    }

    public RunningService results() {
        return results;
    }

    /** Stops the results-service, as a crash of its process would: its clients meet refused connections. */
    public void stopResults() {
        results.close();
    }

    /** Starts the results-service again, on its port and its data. */
    public void startResults() {
        results = RunningService.start(ResultsServiceApplication.class, "results", resultsProperties);
    }

    public RunningService datasets() {
        return datasets;
    }

    /** A dataset-service client with the admin token. */
    public DatasetClient datasetClient() {
        return new DatasetClient(datasets.baseUri()).withToken(TestTokens.ADMIN);
    }

    /** A results-service client with the admin token. */
    public ResultsClient resultsClient() {
        return ResultsClient.builder(results.baseUri()).optToken(TestTokens.ADMIN).build();
    }

    @Override
    public void close() {
        results.close();
        datasets.close();
    }
}
