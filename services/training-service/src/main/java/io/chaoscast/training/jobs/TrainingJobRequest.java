package io.chaoscast.training.jobs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/training-jobs}. Only {@code datasetId} and {@code model.type} are required;
 * everything else has defaults (see {@link TrainingSettingsRequest} and the model's spec).
 *
 * @param datasetId a dataset of the dataset-service, ready
 * @param experiment experiment name in the results-service (default {@code default})
 * @param model model type and hyperparameters
 * @param training optimisation settings
 * @param evaluation how the test split is judged (origins, rollout horizon)
 */
public record TrainingJobRequest(
        @NotBlank @Size(max = 200) String datasetId,
        @Size(max = 200) String experiment,
        @NotNull @Valid ModelRequest model,
        @Valid TrainingSettingsRequest training,
        EvaluationRequest evaluation) {

    public TrainingJobRequest(String datasetId, String experiment, ModelRequest model, TrainingSettingsRequest training) {
        this(datasetId, experiment, model, training, null);
    }
}
