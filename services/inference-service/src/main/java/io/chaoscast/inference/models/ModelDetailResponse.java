package io.chaoscast.inference.models;

import io.chaoscast.models.ForecasterSpec;
import io.chaoscast.models.calibration.CalibrationTable;
import io.chaoscast.models.calibration.RiskCalibration;
import tools.jackson.databind.JsonNode;

/**
 * A model as served: its registry entry, its shape, and its calibration table.
 *
 * @param spec shape of the loaded forecaster: context length, dimension, steps per pass, depth
 * @param calibration thresholds versus mean depth and relative error, and the calibrated
 *     threshold; null for models without one
 * @param risk the forecast-level (Learn-then-Test) calibration: per threshold the mean depth and
 *     the measured rollout risk on the calibration windows, from which {@code exit.tolerance} and
 *     {@code exit.confidence} pick a threshold; null for models without one
 * @param registeredSpec the spec JSON the model was registered with
 * @param formatVersion artifact format version
 * @param replicas loaded copies (one per worker)
 * @param memoryBytes estimated memory the copies take
 */
public record ModelDetailResponse(
        String id,
        String name,
        int version,
        String modelType,
        String systemName,
        String runId,
        String artifactName,
        String artifactSha256,
        ForecasterSpec spec,
        CalibrationTable calibration,
        RiskCalibration risk,
        JsonNode registeredSpec,
        int formatVersion,
        int replicas,
        long memoryBytes,
        String device) {}
