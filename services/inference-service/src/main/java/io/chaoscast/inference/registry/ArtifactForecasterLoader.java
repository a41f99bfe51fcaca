package io.chaoscast.inference.registry;

import ai.djl.Device;
import io.chaoscast.inference.engine.ForecasterLoader;
import io.chaoscast.inference.engine.LoadedForecaster;
import io.chaoscast.inference.engine.ModelDescriptor;
import io.chaoscast.inference.engine.UnreadableModelException;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.artifact.UnsupportedFormatVersionException;
import io.chaoscast.models.calibration.CalibrationTable;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;

/** Reads the models library's artifact format (a zip with {@code spec.json} and the parameters). */
public final class ArtifactForecasterLoader implements ForecasterLoader {

    @Override
    public LoadedForecaster load(ModelDescriptor model, byte[] artifact, Device device) {
        ModelArtifacts.Header header;
        Forecaster forecaster;
        try {
            header = ModelArtifacts.header(artifact);
            forecaster = ModelArtifacts.fromBytes(artifact);
        } catch (UnsupportedFormatVersionException e) {
            throw new UnreadableModelException("model " + model.id() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UnreadableModelException(
                    "model " + model.id() + " has an unreadable artifact: " + e.getMessage(), e);
        }
        CalibrationTable calibration = null;
        AutoCloseable resources = null;
        if (forecaster instanceof EarlyExitForecaster ee) {
            calibration = ee.modelSpec().calibration();
            resources = ee;
        } else if (forecaster instanceof AutoCloseable c) {
            resources = c;
        }
        return new LoadedForecaster(forecaster, calibration, header.formatVersion(), resources);
    }
}
