package io.chaoscast.dataset.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.chaoscast.contracts.datasets.Npy;
import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.integration.DivergenceException;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator alone, without Spring: bytes, checksum, randomness and the NPY file itself. */
class DatasetGeneratorTest {

    @TempDir
    Path dir;

    static GenerationPlan plan(String system, int trajectories, int length, double noise, long seed, boolean standardize) {
        ChaoticSystem s = SystemCatalog.standard().find(system).orElseThrow();
        return new GenerationPlan(
                s, s.defaultParameters(), null, trajectories, length, s.dimension(), s.period() / 100, 10 * s.period(), noise, seed,
                SplitLayout.of(length, 0.7, 0.15), standardize, IntegrationSettings.DEFAULT);
    }

    DatasetGenerator.GeneratedData generate(GenerationPlan plan, String name) throws IOException {
        return new DatasetGenerator().generate(plan, dir.resolve(name), (d, t) -> {});
    }

    @Test
    void samePlanGivesSameBytesAndTheChecksumCoversTheDataOnly() throws Exception {
        GenerationPlan p = plan("Rossler", 3, 400, 0.2, 42, true);
        DatasetGenerator.GeneratedData a = generate(p, "a.npy");
        DatasetGenerator.GeneratedData b = generate(p, "b.npy");
        byte[] bytesA = Files.readAllBytes(dir.resolve("a.npy"));
        assertThat(Files.readAllBytes(dir.resolve("b.npy"))).isEqualTo(bytesA);
        assertThat(a).isEqualTo(new DatasetGenerator.GeneratedData(b.checksum(), b.sizeBytes(), a.standardization()));
        int header = Npy.header(3, 400, 3).length;
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(bytesA, header, bytesA.length - header);
        assertThat(a.checksum()).isEqualTo(HexFormat.of().formatHex(md.digest()));
        assertThat(a.sizeBytes()).isEqualTo(bytesA.length).isEqualTo(header + 3 * 400 * 3 * 8);
    }

    /**
     * Without noise or standardisation the bytes are hashed as they leave the buffer, one flush
     * at a time: across several flushes they must be the integrator's states in order, and the
     * checksum that of the file.
     */
    @Test
    void aOnePassGenerationWritesEveryFlushInOrderAndHashesWhatItWrote() throws Exception {
        ChaoticSystem lorenz = SystemCatalog.standard().find("Lorenz").orElseThrow();
        int length = 100_000; // 2.4 MB of data: three flushes of the 1 MiB buffer
        GenerationPlan p = new GenerationPlan(
                lorenz, lorenz.defaultParameters(), List.of(lorenz.defaultInitialCondition()), 1, length, 3, 0.01, 0, 0, 1,
                SplitLayout.of(length, 0.7, 0.15), false, IntegrationSettings.DEFAULT);
        DatasetGenerator.GeneratedData data = generate(p, "flushes.npy");
        double[][] expected = new double[length][];
        new io.chaoscast.dynamics.integration.TrajectoryGenerator(IntegrationSettings.DEFAULT).generate(
                lorenz, lorenz.defaultParameters(), lorenz.defaultInitialCondition(), 0.01, 0, length,
                (i, y) -> expected[i] = y.clone());
        double[][][] x = read(dir.resolve("flushes.npy"));
        for (int i = 0; i < length; i++) {
            assertThat(x[0][i]).as("state %d", i).isEqualTo(expected[i]);
        }
        byte[] bytes = Files.readAllBytes(dir.resolve("flushes.npy"));
        int header = Npy.header(1, length, 3).length;
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(bytes, header, bytes.length - header);
        assertThat(data.checksum()).isEqualTo(HexFormat.of().formatHex(md.digest()));
        assertThat(data.sizeBytes()).isEqualTo(bytes.length);
    }

    @Test
    void seedChangesDrawnStatesAndNoiseButNothingElse() throws Exception {
        double[][][] x1 = read(plan("Lorenz", 2, 200, 0, 1, false), "s1.npy");
        double[][][] x2 = read(plan("Lorenz", 2, 200, 0, 2, false), "s2.npy");
        assertThat(x1[0][0]).isNotEqualTo(x2[0][0]);
        assertThat(x1[0][0]).isNotEqualTo(x1[1][0]);

        // given states: the seed only drives the noise, and noise-free data ignores it
        ChaoticSystem lorenz = SystemCatalog.standard().find("Lorenz").orElseThrow();
        GenerationPlan given = new GenerationPlan(
                lorenz, lorenz.defaultParameters(), List.of(lorenz.defaultInitialCondition()), 1, 200, 3, 0.01, 0, 0, 1,
                SplitLayout.of(200, 0.7, 0.15), false, IntegrationSettings.DEFAULT);
        GenerationPlan otherSeed = new GenerationPlan(
                lorenz, lorenz.defaultParameters(), List.of(lorenz.defaultInitialCondition()), 1, 200, 3, 0.01, 0, 0, 2,
                SplitLayout.of(200, 0.7, 0.15), false, IntegrationSettings.DEFAULT);
        assertThat(generate(given, "g1.npy").checksum()).isEqualTo(generate(otherSeed, "g2.npy").checksum());
    }

    @Test
    void divergenceLeavesTheExceptionToTheCaller() {
        ChaoticSystem logistic = SystemCatalog.standard().find("Logistic").orElseThrow();
        GenerationPlan p = new GenerationPlan(
                logistic, new double[] {4.5}, List.of(new double[] {0.5}), 1, 100, 1, 1, 0, 0, 0, SplitLayout.of(100, 0.7, 0.15),
                false, IntegrationSettings.DEFAULT);
        assertThatThrownBy(() -> generate(p, "d.npy")).isInstanceOf(DivergenceException.class).hasMessageContaining("diverged");
    }

    @Test
    void interruptedGenerationStops() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> generate(plan("Lorenz", 1, 5000, 0, 0, false), "i.npy"))
                    .isInstanceOf(DatasetGenerator.CancelledException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void numpyLoadsTheFile() throws Exception {
        generate(plan("Lorenz", 2, 300, 0.1, 9, true), "np.npy");
        double[][][] x = read(dir.resolve("np.npy"));
        Process python;
        try {
            python = new ProcessBuilder(
                            "python3",
                            "-c",
                            "import numpy, sys; a = numpy.load(sys.argv[1]); print(a.dtype, a.shape, repr(float(a[1, 299, 2])))",
                            dir.resolve("np.npy").toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            assumeThat(false).as("python3 not installed").isTrue();
            return;
        }
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out;
        try (InputStream in = python.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        assumeThat(out).as("numpy not installed").doesNotContain("No module named");
        assertThat(out).isEqualTo("float64 (2, 300, 3) " + x[1][299][2]);
    }

    private double[][][] read(GenerationPlan p, String name) throws IOException {
        generate(p, name);
        return read(dir.resolve(name));
    }

    private static double[][][] read(Path file) throws IOException {
        return Npy.read3d(new ByteArrayInputStream(Files.readAllBytes(file)));
    }
}
