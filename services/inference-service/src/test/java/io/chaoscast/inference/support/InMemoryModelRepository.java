package io.chaoscast.inference.support;

import io.chaoscast.inference.engine.ModelDescriptor;
import io.chaoscast.inference.engine.ModelRepository;
import io.chaoscast.inference.engine.UnknownModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A model registry held in memory, for engine tests that run without HTTP. */
public final class InMemoryModelRepository implements ModelRepository {

    private final Map<String, ModelDescriptor> models = new ConcurrentHashMap<>();
    private final Map<String, byte[]> artifacts = new ConcurrentHashMap<>();

    /** Registers {@code artifact} under {@code id}; {@code recordedSha} null means its true SHA-256. */
    public void put(String id, String type, byte[] artifact, String recordedSha) {
        String sha = recordedSha == null ? RegistryServer.sha256(artifact) : recordedSha;
        models.put(id, new ModelDescriptor(id, id, 1, type, "lorenz", "run-" + id, "model.zip", sha, artifact.length, null));
        artifacts.put(id, artifact);
    }

    @Override
    public ModelDescriptor describe(String modelId) {
        ModelDescriptor d = models.get(modelId);
        if (d == null) {
            throw new UnknownModelException(modelId);
        }
        return d;
    }

    @Override
    public List<ModelDescriptor> list(int limit) {
        return new ArrayList<>(models.values()).subList(0, Math.min(limit, models.size()));
    }

    @Override
    public byte[] fetchArtifact(ModelDescriptor model) {
        return artifacts.get(model.id()).clone();
    }
}
