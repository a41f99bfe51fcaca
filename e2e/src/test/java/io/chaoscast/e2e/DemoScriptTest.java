package io.chaoscast.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/demo.sh}, the pipeline {@code ./chaoscast demo} runs, against the real platform:
 * it must get through every step and print both models' VPT, the compute saved and the dashboard.
 */
class DemoScriptTest {

    private static boolean onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, name)));
    }

    @Test
    void demoRunsThePipelineEndToEndAndPrintsTheFigures() throws Exception {
        assumeTrue(onPath("bash") && onPath("curl") && onPath("sed"), "demo script test skipped: needs bash, curl and sed");
        Platform p = Platform.get();
        Path script = Path.of("..", "deploy", "demo.sh").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().put("CHAOSCAST_DATASET_URL", p.datasets.baseUri().toString());
        pb.environment().put("CHAOSCAST_TRAINING_URL", p.training.baseUri().toString());
        pb.environment().put("CHAOSCAST_INFERENCE_URL", p.inference.baseUri().toString());
        pb.environment().put("CHAOSCAST_RESULTS_URL", p.results.baseUri().toString());
        pb.environment().put("CHAOSCAST_DEMO_EPOCHS", "2");
        pb.environment().put("CHAOSCAST_TOKEN", io.chaoscast.testsupport.TestTokens.ADMIN);
        Process process = pb.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text)
                .contains("[1/4]", "[2/4]", "[3/4]", "[4/4]")
                .contains("early-exit  succeeded epoch   2/2")
                .containsPattern("early-exit\\s+VPT [0-9.e+-]+\\s+MSE [0-9.e+-]+\\s+sMAPE [0-9.e+-]+")
                .containsPattern("linear\\s+VPT [0-9.e+-]+\\s+MSE [0-9.e+-]+")
                .containsPattern("compute saved [0-9]+\\.[0-9]{2} %")
                .contains("Dashboard:      " + p.results.baseUri() + "/")
                .doesNotContain("n/a");
    }
}
