package io.chaoscast.results.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the dashboard page needs to know about the platform: where each service is (for display)
 * and the same-origin gateway paths it calls them through.
 */
@RestController
public class DashboardController {

    private final DashboardProperties properties;

    public DashboardController(DashboardProperties properties) {
        this.properties = properties;
    }

    /** {@code {datasetUrl, trainingUrl, inferenceUrl, gateway: {dataset, training, inference}}}. */
    @GetMapping("/api/v1/dashboard/config")
    public Map<String, Object> config() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("datasetUrl", properties.datasetUrl().toString());
        out.put("trainingUrl", properties.trainingUrl().toString());
        out.put("inferenceUrl", properties.inferenceUrl().toString());
        Map<String, String> gateway = new LinkedHashMap<>();
        for (ServiceGateway.Upstream u : ServiceGateway.Upstream.values()) {
            gateway.put(u.wire(), ServiceGateway.PREFIX + u.wire());
        }
        out.put("gateway", gateway);
        return out;
    }
}
