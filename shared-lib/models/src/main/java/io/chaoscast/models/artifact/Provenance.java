package io.chaoscast.models.artifact;

import ai.djl.engine.Engine;
import java.time.Instant;

/**
 * Where an artifact was made: enough to explain a difference between two runs.
 *
 * @param djlVersion DJL version
 * @param engine deep-learning engine name, e.g. PyTorch (null for baselines without one)
 * @param engineVersion engine version
 * @param java Java runtime version
 * @param os operating system and architecture
 * @param createdAt ISO-8601 instant
 */
public record Provenance(String djlVersion, String engine, String engineVersion, String java, String os, String createdAt) {

    /** This process, with or without the engine (baselines do not load it). */
    public static Provenance current(boolean withEngine) {
        String djl = Engine.getDjlVersion();
        String name = null;
        String version = null;
        if (withEngine) {
            Engine e = Engine.getInstance();
            name = e.getEngineName();
            version = e.getVersion();
        }
        return new Provenance(
                djl,
                name,
                version,
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Instant.now().toString());
    }
}
