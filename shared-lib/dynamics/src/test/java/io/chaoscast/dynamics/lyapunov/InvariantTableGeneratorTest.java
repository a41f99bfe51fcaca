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
        assertThat(Double.parseDouble(f[1])).isCloseTo(0.41922, within(0.01));
        assertThat(f[3].split(",")).hasSize(2);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("Henon").contains("lambda_max=");
    }

    /**
     * The committed table must cover the catalog: re-run the generator after adding systems (see
     * docs/numerics.md). Values are our own estimates, so only sanity is checked here beyond Lorenz.
     */
    @Test
    void committedTableCoversEveryCatalogSystem() {
        InvariantTable table = InvariantTable.standard();
        for (ChaoticSystem s : SystemCatalog.standard().all()) {
            assertThat(table.find(s.name())).as("invariants.tsv entry for %s", s.name()).isPresent();
        }
        Invariants lorenz = table.find("Lorenz").orElseThrow();
        assertThat(lorenz.maxLyapunov()).isCloseTo(0.9056, within(0.03));
        assertThat(lorenz.spectrum()).hasSize(3);
    }
}
