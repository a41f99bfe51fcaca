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
    private final RunningService results;

    private Upstreams(RunningService datasets, RunningService results) {
        this.datasets = datasets;
        this.results = results;
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
