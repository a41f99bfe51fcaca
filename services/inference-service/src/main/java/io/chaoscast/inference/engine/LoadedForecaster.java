package io.chaoscast.inference.engine;

import io.chaoscast.models.Forecaster;
import io.chaoscast.models.calibration.CalibrationTable;

/**
 * One loaded copy of a model: the forecaster, what it was calibrated with, and the native memory
 * it owns.
 *
 * @param calibration the threshold calibration, or null for models without one
 * @param formatVersion the artifact format version it was read from
 */
public record LoadedForecaster(
        Forecaster forecaster, CalibrationTable calibration, int formatVersion, AutoCloseable resources)
        implements AutoCloseable {

    @Override
    public void close() {
        if (resources == null) {
            return;
        }
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not release model resources: " + e.getMessage(), e);
        }
    }
}
