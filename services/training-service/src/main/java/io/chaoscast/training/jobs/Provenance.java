package io.chaoscast.training.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where a run was computed: what a reader needs to reproduce its numbers. */
final class Provenance {

    private Provenance() {}

    static Map<String, Object> current() {
        Map<String, Object> p = new LinkedHashMap<>();
        Package pkg = Provenance.class.getPackage();
        p.put("codeVersion", pkg != null && pkg.getImplementationVersion() != null ? pkg.getImplementationVersion() : "dev");
        p.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        p.put("engine", "DJL PyTorch");
        return p;
    }
}
