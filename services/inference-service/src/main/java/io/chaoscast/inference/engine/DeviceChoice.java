package io.chaoscast.inference.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/** Picks the device models run on: {@code auto} (a GPU when the engine sees one), {@code cpu} or {@code gpu}. */
public final class DeviceChoice {

    private DeviceChoice() {}

    /**
     * @param setting {@code auto}, {@code cpu} or {@code gpu} (case-insensitive)
     * @throws IllegalArgumentException for any other setting
     * @throws IllegalStateException when {@code gpu} is forced and the engine sees none
     */
    public static Device choose(String setting) {
        String s = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                int gpus = Engine.getInstance().getGpuCount();
                if (gpus < 1) {
                    throw new IllegalStateException("chaoscast.inference.device=gpu (CHAOSCAST_INFERENCE_DEVICE) but the "
                            + Engine.getInstance().getEngineName() + " engine sees no GPU: install a CUDA build of"
                            + " libtorch 2.7.1 (PYTORCH_LIBRARY_PATH, PYTORCH_FLAVOR=cu128) or use auto/cpu");
                }
                yield Device.gpu();
            }
            case "auto" -> Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            default ->
                throw new IllegalArgumentException(
                        "chaoscast.inference.device must be one of auto, cpu, gpu, found '" + setting + "'");
        };
    }

    /** A short name for responses: {@code cpu} or {@code gpu(0)}. */
    public static String describe(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }
}
