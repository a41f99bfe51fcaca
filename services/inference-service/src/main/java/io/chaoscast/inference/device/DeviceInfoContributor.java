package io.chaoscast.inference.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.chaoscast.inference.engine.DeviceChoice;
import io.chaoscast.inference.engine.InferenceEngine;
import io.chaoscast.inference.engine.ServedModel;
import io.chaoscast.inference.telemetry.ResultsTelemetry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Shows in {@code /actuator/info} which device serves, what is loaded, and what telemetry lost. */
@Component
public class DeviceInfoContributor implements InfoContributor {

    private final Device device;
    private final InferenceEngine engine;
    private final ResultsTelemetry telemetry;

    public DeviceInfoContributor(Device device, InferenceEngine engine, ResultsTelemetry telemetry) {
        this.device = device;
        this.engine = engine;
        this.telemetry = telemetry;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Engine e = Engine.getInstance();
        Map<String, Object> inference = new LinkedHashMap<>();
        inference.put("device", DeviceChoice.describe(device));
        inference.put("engine", e.getEngineName() + " " + e.getVersion());
        inference.put("gpuCount", e.getGpuCount());
        List<Map<String, Object>> models = engine.cache().loaded().stream()
                .map(DeviceInfoContributor::describe)
                .toList();
        inference.put("loadedModels", models);
        inference.put("telemetry", telemetry.stats());
        builder.withDetail("inference", inference);
    }

    private static Map<String, Object> describe(ServedModel m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.descriptor().id());
        out.put("name", m.descriptor().name());
        out.put("replicas", m.replicas());
        out.put("memoryBytes", m.memoryBytes());
        out.put("queued", m.queued());
        return out;
    }
}
