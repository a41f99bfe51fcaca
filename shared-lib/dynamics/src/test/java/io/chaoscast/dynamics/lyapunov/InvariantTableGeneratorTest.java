package io.chaoscast.dynamics.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.dynamics.catalog.InvariantTable;
import io.chaoscast.dynamics.catalog.Invariants;
import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvariantTableGeneratorTest {

    @Test
    void regeneratingOneSystemKeepsTheOtherLinesAndReportsProgress(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("invariants.tsv");
        Files.write(file, List.of("Lorenz\t1\t2\t1,0,-1", "Rossler\t0.07\t2.01\t0.07,0,-5.4"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<String> lines = InvariantTableGenerator.generate(
                SystemCatalog.standard(), List.of("Henon"), file, new PrintStream(progress, true, StandardCharsets.UTF_8));
        assertThat(lines).contains("Lorenz\t1\t2\t1,0,-1", "Rossler\t0.07\t2.01\t0.07,0,-5.4");
        String henon = lines.stream().filter(l -> l.startsWith("Henon\t")).findFirst().orElseThrow();
        String[] f = henon.split("\t");
        assertThat(f).hasSize(10);
        assertThat(Double.parseDouble(f[1])).isCloseTo(0.41922, within(0.01));
        assertThat(Double.parseDouble(f[2])).as("standard error").isPositive().isLessThan(0.002);
        assertThat(Double.parseDouble(f[5])).as("correlation dimension").isCloseTo(1.22, within(0.1));
        assertThat(f[7]).isEqualTo("true");
        assertThat(f[8].split(",")).hasSize(2);
        assertThat(f[9].split(",")).hasSize(2);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("Henon").contains("lambda_max=");
    }

    /**
     * The committed table must cover the catalog: re-run the generator after adding systems (see
     * docs/numerics.md). A system the generator could not estimate (it diverged or ran out of
     * budget) is covered by its "# name: estimation failed" comment, so that the failure stays
     * visible without blocking the build. Values are our own estimates, so only Lorenz is checked.
     */
    @Test
    void committedTableCoversEveryCatalogSystem() throws Exception {
        InvariantTable table = InvariantTable.standard();
        String text;
        try (var in = InvariantTable.class.getResourceAsStream(InvariantTable.RESOURCE)) {
            assertThat(in).as("invariants.tsv on the classpath").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (ChaoticSystem s : SystemCatalog.standard().all()) {
            boolean failedVisibly = text.lines().anyMatch(l -> l.startsWith("# " + s.name() + ": estimation failed"));
            assertThat(table.find(s.name()).isPresent() || failedVisibly)
                    .as("invariants.tsv entry (or failure note) for %s", s.name())
                    .isTrue();
        }
        Invariants lorenz = table.find("Lorenz").orElseThrow();
        assertThat(lorenz.maxLyapunov()).isCloseTo(0.9056, within(0.03));
        assertThat(lorenz.spectrum()).hasSize(3);
        assertThat(lorenz.maxLyapunovStandardError()).isPositive().isLessThan(0.01);
        assertThat(lorenz.spectrumStandardErrors()).hasSize(3);
        assertThat(lorenz.correlationDimension()).isCloseTo(2.05, within(0.1));
    }
}
