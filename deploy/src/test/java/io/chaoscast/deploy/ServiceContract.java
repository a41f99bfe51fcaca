package io.chaoscast.deploy;

import java.util.List;
import java.util.Optional;

/**
 * The deployment contract every ChaosCast service keeps (docs/ARCHITECTURE.md, the services
 * table): directory and artifact name, HTTP port, PostgreSQL schema, image name, and whether it
 * writes local files under {@code .chaoscast/}. Where a service's
 * code exists, {@link ServiceFacts} reads the same facts from it and the tests hold both to this.
 */
record ServiceContract(String name, int port, Optional<String> schema, boolean keepsLocalState) {

    static final List<ServiceContract> ALL =
            List.of(
                    // dataset-service caches dataset bytes in .chaoscast/datasets.
                    new ServiceContract("dataset-service", 8081, Optional.of("datasets"), true),
                    new ServiceContract("training-service", 8082, Optional.of("training"), false),
                    new ServiceContract("inference-service", 8083, Optional.empty(), false),
                    new ServiceContract("results-service", 8084, Optional.of("results"), false));

    /** Where the image's working directory puts the services' relative {@code .chaoscast/}. */
    static final String LOCAL_STATE_DIR = "/app/.chaoscast";

    static final String IMAGE_REPOSITORY = "chaoscast/";
    static final String GPU_TAG_SUFFIX = "-gpu";
    static final String READINESS_PATH = "/actuator/health/readiness";
    static final String LIVENESS_PATH = "/actuator/health/liveness";
    static final String PROMETHEUS_PATH = "/actuator/prometheus";

    static ServiceContract named(String name) {
        return ALL.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a ChaosCast service: " + name));
    }

    String image() {
        return IMAGE_REPOSITORY + name;
    }

    String jar() {
        return "services/" + name + "/target/" + name + "-exec.jar";
    }

    String url() {
        return "http://" + name + ":" + port;
    }

    boolean usesDatabase() {
        return schema.isPresent();
    }
}
