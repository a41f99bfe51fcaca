package io.chaoscast.inference.registry;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.chaoscast.inference.engine.ForecasterLoader;
import io.chaoscast.inference.engine.LoadedForecaster;
import io.chaoscast.inference.engine.ModelDescriptor;
import io.chaoscast.inference.engine.UnreadableModelException;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.artifact.UnsupportedFormatVersionException;
import io.chaoscast.models.calibration.CalibrationTable;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.earlyexit.EarlyExitNetwork;
import io.chaoscast.models.earlyexit.EarlyExitSpec;
import io.chaoscast.models.earlyexit.EarlyExitTrainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the models library's artifact format (a zip with {@code spec.json} and, for the
 * early-exit network, {@code parameters.bin}).
 *
 * <p>The library's loader puts networks on the CPU; on a GPU the early-exit network is restored
 * here, from the same entries, into a manager on that device, so its forward passes run there.
 * Baselines are plain Java and always run on the CPU.
 */
public final class ArtifactForecasterLoader implements ForecasterLoader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public LoadedForecaster load(ModelDescriptor model, byte[] artifact, Device device) {
        ModelArtifacts.Header header;
        Forecaster forecaster;
        try {
            header = ModelArtifacts.header(artifact);
            if (device.isGpu() && EarlyExitForecaster.TYPE.equals(header.type())) {
                forecaster = earlyExitOn(device, header, artifact);
            } else {
                forecaster = ModelArtifacts.fromBytes(artifact);
            }
        } catch (UnsupportedFormatVersionException e) {
            throw new UnreadableModelException("model " + model.id() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | JacksonException e) {
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

    private static EarlyExitForecaster earlyExitOn(Device device, ModelArtifacts.Header header, byte[] artifact) {
        EarlyExitSpec spec = JSON.treeToValue(header.spec(), EarlyExitSpec.class);
        byte[] params = entry(artifact, "parameters.bin");
        NDManager manager = NDManager.newBaseManager(device);
        try {
            EarlyExitNetwork net = EarlyExitTrainer.restore(manager, spec.architecture(), params);
            return new EarlyExitForecaster(manager, net, spec);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static byte[] entry(byte[] zip, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    return in.readNBytes((int) Math.min(ModelArtifacts.MAX_ENTRY_BYTES, Integer.MAX_VALUE - 8));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a model artifact (unreadable zip): " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("early-exit artifact lacks " + name);
    }
}
