package io.chaoscast.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every service container's environment keeps, in compose and in Kubernetes alike.
 *
 * <ul>
 *   <li>Only variables Spring binds to real properties ({@code SPRING_*}, {@code SERVER_*},
 *       {@code MANAGEMENT_*}, {@code CHAOSCAST_*}) or that the JVM, OpenMP or DJL read.
 *   <li>{@code CHAOSCAST_*} names come from the contract and bind to the property the consuming
 *       service's code declares.
 *   <li>Ports, schemas and service URLs agree with the services.
 * </ul>
 */
final class EnvironmentRules {

    /** The ChaosCast variables everyone agreed on, and the property each one sets. */
    static final Map<String, String> CHAOSCAST_VARIABLES =
            Map.ofEntries(
                    Map.entry("CHAOSCAST_SERVICES_DATASET_URL", "chaoscast.services.dataset-url"),
                    Map.entry("CHAOSCAST_SERVICES_RESULTS_URL", "chaoscast.services.results-url"),
                    Map.entry("CHAOSCAST_SERVICES_TRAINING_URL", "chaoscast.services.training-url"),
                    Map.entry("CHAOSCAST_SERVICES_INFERENCE_URL", "chaoscast.services.inference-url"),
                    Map.entry("CHAOSCAST_TRAINING_WORKERS", "chaoscast.training.workers"),
                    Map.entry("CHAOSCAST_BENCHMARKS_ENABLED", "chaoscast.benchmarks.enabled"),
                    Map.entry("CHAOSCAST_INFERENCE_DEVICE", "chaoscast.inference.device"),
                    Map.entry("CHAOSCAST_SECURITY_ADMIN_TOKEN", "chaoscast.security.admin-token"),
                    Map.entry("CHAOSCAST_SECURITY_CLIENT_TOKEN", "chaoscast.security.client-token"),
                    Map.entry("CHAOSCAST_SECURITY_SERVICETOKENS_DATASET", "chaoscast.security.service-tokens.dataset"),
                    Map.entry("CHAOSCAST_SECURITY_SERVICETOKENS_TRAINING", "chaoscast.security.service-tokens.training"),
                    Map.entry("CHAOSCAST_SECURITY_SERVICETOKENS_INFERENCE", "chaoscast.security.service-tokens.inference"),
                    Map.entry("CHAOSCAST_SECURITY_SERVICETOKENS_RESULTS", "chaoscast.security.service-tokens.results"));

    /** Variables of the security layer every service gets from shared-lib/web (docs/security.md). */
    static final String SECURITY_PREFIX = "chaoscast.security.";

    static final Set<String> NON_SPRING_VARIABLES =
            Set.of("JAVA_TOOL_OPTIONS", "OMP_WAIT_POLICY", "OMP_NUM_THREADS");

    private static final Pattern MAX_RAM = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(\\.\\d+)?)");

    private EnvironmentRules() {}

    /** Every rule the environment breaks, each as a sentence naming the variable. */
    static List<String> violations(ServiceFacts service, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String name = service.contract().name();
        for (Map.Entry<String, String> entry : env.entrySet()) {
            String variable = entry.getKey();
            String value = entry.getValue();
            if (variable.startsWith("CHAOSCAST_")) {
                checkChaoscastVariable(service, variable, value, problems);
            } else if (variable.startsWith("SPRING_")
                    || variable.startsWith("SERVER_")
                    || variable.startsWith("MANAGEMENT_")) {
                if (SpringEnvironmentBinding.boundProperties(variable).isEmpty()) {
                    problems.add(
                            name
                                    + ": "
                                    + variable
                                    + " binds to no Spring Boot property (checked against "
                                    + SpringEnvironmentBinding.knownPropertyCount()
                                    + " known properties)");
                }
            } else if (!NON_SPRING_VARIABLES.contains(variable)
                    && !variable.startsWith("OMP_")
                    && !variable.startsWith("PYTORCH_")) {
                problems.add(name + ": " + variable + " is not a variable any part of it reads");
            }
        }
        checkValues(service, env, problems);
        return problems;
    }

    private static void checkChaoscastVariable(
            ServiceFacts service, String variable, String value, List<String> problems) {
        String name = service.contract().name();
        String property = CHAOSCAST_VARIABLES.get(variable);
        if (property == null) {
            problems.add(
                    name
                            + ": "
                            + variable
                            + " is not one of the agreed ChaosCast variables "
                            + CHAOSCAST_VARIABLES.keySet());
            return;
        }
        if (!SpringEnvironmentBinding.binds(variable, property)) {
            problems.add(name + ": " + variable + " does not bind to " + property);
        }
        if (service.fromCode() && !service.declaresProperty(property) && !ServiceFacts.webLayerDeclares(property)) {
            problems.add(
                    name
                            + ": sets "
                            + variable
                            + " but its code declares no property "
                            + property);
        }
        if (variable.startsWith("CHAOSCAST_SERVICES_")) {
            String target =
                    variable.substring("CHAOSCAST_SERVICES_".length(), variable.length() - 4)
                                    .toLowerCase()
                            + "-service";
            String expected = ServiceFacts.of(target).contract().name();
            int port = ServiceFacts.of(target).port();
            String url = "http://" + expected + ":" + port;
            if (!url.equals(value)) {
                problems.add(name + ": " + variable + "=" + value + ", expected " + url);
            }
        }
        if (variable.equals("CHAOSCAST_INFERENCE_DEVICE")
                && !Set.of("auto", "cpu", "gpu").contains(value)) {
            problems.add(name + ": " + variable + "=" + value + " is not auto, cpu or gpu");
        }
    }

    private static void checkValues(
            ServiceFacts service, Map<String, String> env, List<String> problems) {
        String name = service.contract().name();
        if (!String.valueOf(service.port()).equals(env.get("SERVER_PORT"))) {
            problems.add(
                    name + ": SERVER_PORT=" + env.get("SERVER_PORT") + ", code says " + service.port());
        }
        if (!"graceful".equals(env.get("SERVER_SHUTDOWN"))) {
            problems.add(name + ": SERVER_SHUTDOWN must be graceful");
        }
        if (!"true".equals(env.get("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED"))) {
            problems.add(name + ": MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED must be true");
        }
        String exposure = env.getOrDefault("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "");
        if (!List.of(exposure.split(",")).containsAll(List.of("health", "prometheus"))) {
            problems.add(name + ": actuator exposure must include health and prometheus");
        }
        if (!"PASSIVE".equals(env.get("OMP_WAIT_POLICY"))) {
            problems.add(name + ": OMP_WAIT_POLICY must be PASSIVE");
        }
        Matcher maxRam = MAX_RAM.matcher(env.getOrDefault("JAVA_TOOL_OPTIONS", ""));
        if (!maxRam.find() || Double.parseDouble(maxRam.group(1)) > 75) {
            problems.add(name + ": JAVA_TOOL_OPTIONS must size the heap with MaxRAMPercentage <= 75");
        }
        boolean hasDatasource = env.keySet().stream().anyMatch(v -> v.startsWith("SPRING_DATASOURCE_"));
        if (service.schema().isPresent()) {
            for (String required :
                    List.of(
                            "SPRING_DATASOURCE_URL",
                            "SPRING_DATASOURCE_USERNAME",
                            "SPRING_DATASOURCE_PASSWORD")) {
                if (!env.containsKey(required)) {
                    problems.add(name + ": " + required + " is missing");
                }
            }
            if (!service.schema().get().equals(env.get("SPRING_FLYWAY_SCHEMAS"))) {
                problems.add(
                        name
                                + ": SPRING_FLYWAY_SCHEMAS="
                                + env.get("SPRING_FLYWAY_SCHEMAS")
                                + ", code owns schema "
                                + service.schema().get());
            }
        } else if (hasDatasource || env.containsKey("SPRING_FLYWAY_SCHEMAS")) {
            problems.add(name + ": is stateless and must not get database settings");
        }
    }
}
