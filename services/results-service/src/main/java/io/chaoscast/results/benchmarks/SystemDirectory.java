package io.chaoscast.results.benchmarks;

import io.chaoscast.contracts.datasets.DatasetClient;
import io.chaoscast.contracts.datasets.DatasetClientException;
import io.chaoscast.contracts.datasets.SystemResponse;
import io.chaoscast.results.dashboard.DashboardProperties;
import io.chaoscast.results.web.ApiException;
import io.chaoscast.results.web.ErrorCode;
import java.net.http.HttpClient;
import java.util.List;
import org.springframework.stereotype.Component;

/** The dataset-service's system catalog, read when a benchmark is created. */
@Component
class SystemDirectory {

    private final DatasetClient datasets;

    SystemDirectory(DashboardProperties properties) {
        this.datasets = new DatasetClient(
                properties.datasetUrl(), HttpClient.newBuilder().connectTimeout(properties.timeout()).build(), properties.timeout());
    }

    List<SystemResponse> all() {
        try {
            return datasets.systems();
        } catch (DatasetClientException e) {
            throw new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, null,
                    "the dataset-service does not answer (" + e.getMessage() + "); benchmarks need its system catalog");
        }
    }
}
