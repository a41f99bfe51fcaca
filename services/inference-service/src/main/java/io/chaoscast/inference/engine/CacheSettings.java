package io.chaoscast.inference.engine;

/**
 * Bounds of the loaded-model cache; the least recently used model leaves first.
 *
 * @param maxModels most models loaded at once
 * @param maxMemoryBytes most memory the loaded models may take, estimated as artifact size times
 *     replicas (the parameters dominate a model's memory)
 */
public record CacheSettings(int maxModels, long maxMemoryBytes) {

    public CacheSettings {
        if (maxModels < 1) {
            throw new IllegalArgumentException("maxModels must be at least 1, found " + maxModels);
        }
        if (maxMemoryBytes < 1) {
            throw new IllegalArgumentException("maxMemoryBytes must be at least 1, found " + maxMemoryBytes);
        }
    }

    public static CacheSettings defaults() {
        return new CacheSettings(8, 1L << 30);
    }
}
