package io.chaoscast.inference.registry;

import io.chaoscast.contracts.results.ModelResponse;
import io.chaoscast.contracts.results.ResultsApiException;
import io.chaoscast.contracts.results.ResultsClient;
import io.chaoscast.contracts.results.ResultsClientException;
import io.chaoscast.inference.engine.ArtifactIntegrityException;
import io.chaoscast.inference.engine.ModelDescriptor;
import io.chaoscast.inference.engine.ModelRepository;
import io.chaoscast.inference.engine.ModelSourceUnavailableException;
import io.chaoscast.inference.engine.UnknownModelException;
import java.util.List;
import java.util.UUID;

/** Registered models and their artifacts, from results-service through its typed client. */
public final class ResultsModelRepository implements ModelRepository {

    private final ResultsClient client;

    public ResultsModelRepository(ResultsClient client) {
        this.client = client;
    }

    @Override
    public ModelDescriptor describe(String modelId) {
        UUID id;
        try {
            id = UUID.fromString(modelId);
        } catch (IllegalArgumentException e) {
            // results-service ids are UUIDs: anything else cannot be registered.
            throw new UnknownModelException(modelId);
        }
        if (!id.toString().equals(modelId)) {
            // UUID.fromString also reads short forms ("1-2-3-4-5"): one model, one spelling.
            throw new UnknownModelException(modelId);
        }
        try {
            return descriptor(client.getModel(id));
        } catch (ResultsApiException e) {
            if (e.status() == 404) {
                throw new UnknownModelException(modelId);
            }
            throw new ModelSourceUnavailableException("results-service refused model " + modelId + ": "
                    + e.getMessage(), e);
        } catch (ResultsClientException e) {
            throw new ModelSourceUnavailableException("results-service could not be reached for model " + modelId
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ModelDescriptor> list(int limit) {
        try {
            return client.listModels(null, 0, limit).items().stream()
                    .map(ResultsModelRepository::descriptor)
                    .toList();
        } catch (ResultsClientException e) {
            throw new ModelSourceUnavailableException(
                    "results-service could not list models: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] fetchArtifact(ModelDescriptor model) {
        try {
            return client.downloadArtifactBytes(UUID.fromString(model.runId()), model.artifactName());
        } catch (ResultsApiException e) {
            throw new ModelSourceUnavailableException("results-service refused artifact " + model.artifactName()
                    + " of model " + model.id() + ": " + e.getMessage(), e);
        } catch (ResultsClientException e) {
            if (e.getMessage() != null && e.getMessage().contains("SHA-256")) {
                // The client checks the bytes against the ETag the service announced.
                throw new ArtifactIntegrityException(e.getMessage());
            }
            throw new ModelSourceUnavailableException("could not download artifact " + model.artifactName()
                    + " of model " + model.id() + ": " + e.getMessage(), e);
        }
    }

    private static ModelDescriptor descriptor(ModelResponse m) {
        return new ModelDescriptor(
                m.id().toString(),
                m.name(),
                m.version(),
                m.modelType(),
                m.systemName(),
                m.runId() == null ? null : m.runId().toString(),
                m.artifactName(),
                m.artifactSha256(),
                m.artifactSizeBytes(),
                m.spec() == null ? null : m.spec().toString());
    }
}
