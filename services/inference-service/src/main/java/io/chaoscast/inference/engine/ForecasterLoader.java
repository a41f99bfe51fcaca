package io.chaoscast.inference.engine;

import ai.djl.Device;

/** Turns artifact bytes into a forecaster on a device. Called once per replica. */
public interface ForecasterLoader {

    /**
     * @throws UnreadableModelException when the bytes are not a model this loader can read (unknown
     *     format version, wrong magic, corrupt spec)
     */
    LoadedForecaster load(ModelDescriptor model, byte[] artifact, Device device);
}
