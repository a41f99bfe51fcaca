package io.chaoscast.inference.engine;

import io.chaoscast.models.ForecasterSpec;
import io.chaoscast.models.calibration.CalibrationTable;
import io.chaoscast.models.calibration.RiskCalibration;
import io.chaoscast.models.data.Standardization;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import java.time.Instant;

/** A model in the cache: its registry entry, its shape, and the batcher that serves it. */
public final class ServedModel implements AutoCloseable {

    private final ModelDescriptor descriptor;
    private final ForecasterSpec spec;
    private final CalibrationTable calibration;
    private final RiskCalibration risk;
    private final Standardization trainingScale;
    private final int formatVersion;
    private final long memoryBytes;
    private final int replicas;
    private final Instant loadedAt;
    final DynamicBatcher batcher;

    ServedModel(ModelDescriptor descriptor, DynamicBatcher batcher, long memoryBytes) {
        this.descriptor = descriptor;
        LoadedForecaster first = batcher.anyReplica();
        this.spec = first.forecaster().spec();
        this.calibration = first.calibration();
        this.risk = first.forecaster() instanceof EarlyExitForecaster ee ? ee.modelSpec().risk() : null;
        this.trainingScale = ForecastInputs.trainingScale(first.forecaster());
        this.formatVersion = first.formatVersion();
        this.memoryBytes = memoryBytes;
        this.replicas = batcher.replicaCount();
        this.batcher = batcher;
        this.loadedAt = Instant.now();
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    public ForecasterSpec spec() {
        return spec;
    }

    /** The calibration table, or null for models without one. */
    public CalibrationTable calibration() {
        return calibration;
    }

    /** The forecast-level risk calibration (format 2 early-exit models), or null. */
    public RiskCalibration risk() {
        return risk;
    }

    /** Mean and standard deviation of the model's training data, or null when its artifact records none. */
    public Standardization trainingScale() {
        return trainingScale;
    }

    public int formatVersion() {
        return formatVersion;
    }

    public long memoryBytes() {
        return memoryBytes;
    }

    public int replicas() {
        return replicas;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public int queued() {
        return batcher.queued();
    }

    @Override
    public void close() {
        batcher.close();
    }
}
