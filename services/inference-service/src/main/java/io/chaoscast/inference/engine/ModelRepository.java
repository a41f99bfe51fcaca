package io.chaoscast.inference.engine;

import java.util.List;

/** Where registered models and their artifact bytes come from (results-service in production). */
public interface ModelRepository {

    /**
     * @throws UnknownModelException when no model has this id
     */
    ModelDescriptor describe(String modelId);

    /** Registered models, newest first, at most {@code limit}. */
    List<ModelDescriptor> list(int limit);

    /** The artifact's bytes, as stored; the caller checks the SHA-256. */
    byte[] fetchArtifact(ModelDescriptor model);
}
