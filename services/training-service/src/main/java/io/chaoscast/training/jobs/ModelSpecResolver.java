package io.chaoscast.training.jobs;

import io.chaoscast.training.upstream.DatasetSummary;
import java.util.Map;

/**
 * Fills a model type's defaults and checks its hyperparameters against the dataset (a context
 * longer than the training split, zero blocks, non-finite rates), naming the field on error.
 */
public interface ModelSpecResolver {

    /**
     * @return the complete hyperparameters, defaults filled in
     * @throws io.chaoscast.web.problem.ApiException (invalid-field) naming {@code model.<field>}
     */
    Map<String, Object> resolve(String type, Map<String, Object> hyperparameters, DatasetSummary dataset);
}
