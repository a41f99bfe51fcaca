package io.chaoscast.e2e.faults;

import io.chaoscast.testsupport.TestTokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place where the command line and environment of every service child process are built:
 * anything every service needs (a database URL, credentials, an API token) is added here once.
 */
final class ChildProcesses {

    private ChildProcesses() {}

    /**
     * A service started from its boot jar on {@code port}, with {@code settings} as Spring
     * properties, passed as environment variables in Spring's canonical form ({@code a.b-c}
     * becomes {@code A_BC}).
     */
    static ProcessBuilder command(Path jar, int port, Map<String, String> settings) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss1m",
                "-Xmx512m",
                "-Dai.djl.offline=true",
                "-jar",
                jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("OMP_WAIT_POLICY", "PASSIVE");
        env.put("SERVER_PORT", String.valueOf(port));
        // Every child accepts the test token and sends it on its own calls to the others.
        TestTokens.properties().forEach((k, v) -> env.put(k.toUpperCase().replace('.', '_').replace("-", ""), String.valueOf(v)));
        settings.forEach((k, v) -> env.put(k.toUpperCase().replace('.', '_').replace("-", ""), v));
        return pb;
    }
}
