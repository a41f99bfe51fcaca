package io.chaoscast.dynamics.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaoscast.dynamics.integration.FlowSampler;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.DiscreteMap;
import io.chaoscast.dynamics.systems.Flow;
import io.chaoscast.dynamics.systems.SystemKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SystemCatalogTest {

    private final SystemCatalog catalog = SystemCatalog.standard();

    @Test
    void holdsAtLeast62FlowsAnd9Maps() {
        assertThat(catalog.ofKind(SystemKind.FLOW)).hasSizeGreaterThanOrEqualTo(62);
        assertThat(catalog.ofKind(SystemKind.MAP)).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void holdsTheSystemsTheIssueNames() {
        List<String> required = new ArrayList<>(List.of(
                "Lorenz", "Rossler", "Chen", "Chua", "Thomas", "Aizawa", "Halvorsen", "Dadras", "Rucklidge",
                "SprottJerk", "SprottTorus", "SprottMore", "Lorenz96", "LorenzStenflo", "HyperRossler",
                "DoublePendulum", "Duffing", "HindmarshRose", "MooreSpiegel", "Arneodo", "GenesioTesi", "Hadley",
                "NoseHoover"));
        for (char c = 'A'; c <= 'S'; c++) {
            required.add("Sprott" + c);
        }
        for (String name : required) {
            assertThat(catalog.find(name)).as(name).hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo(SystemKind.FLOW));
        }
        for (String name : List.of("Henon", "Logistic", "Ikeda", "Lozi", "Tinkerbell", "Chirikov", "Gingerbreadman", "DuffingMap")) {
            assertThat(catalog.find(name)).as(name).hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo(SystemKind.MAP));
        }
    }

    /**
     * All 161 systems of dysts (135 continuous, 6 of them delay equations, and 26 maps), under
     * dysts' names and of dysts' kind. dysts' {@code Duffing} map is {@code DuffingMap} here,
     * since names are unique across kinds and the Duffing oscillator is a flow.
     */
    @Test
    void holdsEveryDystsSystem() throws java.io.IOException {
        List<String> missing = new ArrayList<>();
        int count = 0;
        try (var in = getClass().getResourceAsStream("dysts-names.tsv");
                var reader = new java.io.BufferedReader(
                        new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                String name = f.length > 2 ? f[2] : f[0];
                SystemKind kind = SystemKind.valueOf(f[1]);
                count++;
                if (catalog.find(name).filter(sys -> sys.name().equals(name) && sys.kind() == kind).isEmpty()) {
                    missing.add(f[0] + " (" + kind + ")");
                }
            }
        }
        assertThat(count).isEqualTo(161);
        assertThat(missing).as("dysts systems missing from the catalog").isEmpty();
    }

    @Test
    void findsNamesWhateverTheirCase() {
        ChaoticSystem lorenz = catalog.find("Lorenz").orElseThrow();
        assertThat(catalog.find("lorenz")).containsSame(lorenz);
        assertThat(catalog.find("LORENZ")).containsSame(lorenz);
        assertThat(catalog.find("sprottjerk").orElseThrow().name()).isEqualTo("SprottJerk");
        assertThat(catalog.find("duffingmap").orElseThrow().kind()).isEqualTo(SystemKind.MAP);
        assertThat(catalog.find("duffing").orElseThrow().kind()).isEqualTo(SystemKind.FLOW);
        assertThat(catalog.find("NoSuchSystem")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
    }

    @Test
    void rejectsDuplicateNamesEvenWhenOnlyTheCaseDiffers() {
        assertThatThrownBy(() -> new SystemCatalog(List.of(ClassicFlows.lorenz(), ClassicFlows.lorenz())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Lorenz");
        ChaoticSystem shouting = new io.chaoscast.dynamics.systems.FlowSystem(
                Defs.info("LORENZ", Defs.params(), Defs.ic(1), 1, "none", "a flow that only exists to clash"),
                (t, y, p, d) -> d[0] = -y[0],
                (t, y, p, j) -> j[0][0] = -1);
        assertThatThrownBy(() -> new SystemCatalog(List.of(ClassicFlows.lorenz(), shouting)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LORENZ");
    }

    @Test
    void standardCatalogNamesAreUniqueIgnoringCase() {
        assertThat(catalog.all().stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).distinct())
                .hasSize(catalog.size());
    }

    @Test
    void lorenz96SizeIsAParameter() {
        ChaoticSystem l96 = catalog.find("Lorenz96").orElseThrow();
        double[] p = l96.resolveParameters(Map.of("n", 10.0));
        assertThat(l96.dimension()).isEqualTo(4);
        assertThat(l96.dimension(p)).isEqualTo(10);
        assertThat(l96.defaultInitialCondition(l96.defaultParameters())).containsExactly(l96.defaultInitialCondition());

        double[] y0 = l96.defaultInitialCondition(p);
        assertThat(y0).hasSize(10);
        // A 4-periodic state would stay in the 4-periodic subspace; the extension must break that.
        assertThat(y0[4]).isNotEqualTo(y0[0]);

        double[] last = new FlowSampler(CatalogContractTest.SETTINGS)
                .sample((Flow) l96, p, y0, 0, 20 * l96.period(), l96.period(), 50, (i, y) -> {});
        assertThat(last).hasSize(10);
        double spread = 0;
        for (int i = 4; i < 10; i++) {
            spread = Math.max(spread, Math.abs(last[i] - last[i - 4]));
        }
        assertThat(spread).as("sites i and i-4 decorrelate").isGreaterThan(1);
    }

    @Test
    void lorenz96RejectsRingsThatAreTooSmallOrFractional() {
        ChaoticSystem l96 = catalog.find("Lorenz96").orElseThrow();
        assertThatThrownBy(() -> l96.dimension(l96.resolveParameters(Map.of("n", 3.0))))
                .hasMessageContaining("parameters.n")
                .hasMessageContaining("from 4 to 1024");
        assertThatThrownBy(() -> l96.dimension(l96.resolveParameters(Map.of("n", 6.5))))
                .hasMessageContaining("parameters.n");
        assertThatThrownBy(() -> l96.dimension(l96.resolveParameters(Map.of("n", 5000.0))))
                .hasMessageContaining("parameters.n");
    }

    @Test
    void lorenz96JacobianIsRightOnLargerRings() {
        Flow l96 = (Flow) catalog.find("Lorenz96").orElseThrow();
        double[] p = l96.resolveParameters(Map.of("n", 7.0));
        double[] x = l96.defaultInitialCondition(p);
        double[][] analytic = new double[7][7];
        l96.jacobian(0, x, p, analytic);
        double[][] numeric = CatalogContractTest.finiteDifferenceJacobian(l96, x, p);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertThat(analytic[i][j]).as("J[%d][%d]", i, j).isCloseTo(numeric[i][j], org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    /**
     * Every flow and map has an analytic Jacobian (for a flow whose right-hand side jumps, that of
     * the branch in force). A system added without one shows up here.
     */
    @Test
    void everyFlowAndMapHasAnAnalyticJacobian() {
        List<String> without = new ArrayList<>();
        for (ChaoticSystem s : catalog.all()) {
            if ((s instanceof Flow flow && !flow.hasAnalyticJacobian())
                    || (s instanceof DiscreteMap map && !map.hasAnalyticJacobian())) {
                without.add(s.name());
            }
        }
        assertThat(without).isEmpty();
    }

    /**
     * The flows whose right-hand side jumps declare where, so that they are integrated event by
     * event and their tangent vectors take a saltation matrix there, and say so in their
     * description.
     */
    @Test
    void flowsWhoseRightHandSideJumpsDeclareTheirSwitchingPlanes() {
        Map<String, String> planes = new TreeMap<>();
        for (ChaoticSystem s : catalog.all()) {
            if (s instanceof Flow flow && !flow.switchingSurfaces().isEmpty()) {
                planes.put(s.name(), flow.switchingSurfaces().toString());
            }
        }
        assertThat(planes)
                .containsExactlyEntriesOf(new TreeMap<>(
                        Map.of("FluidTrampoline", "[y[0] = 0.0]", "SprottMore", "[y[2] = 0.0]", "StickSlipOscillator", "[y[1] = p[7]]")));
        for (String name : planes.keySet()) {
            assertThat(catalog.find(name).orElseThrow().info().description()).as(name).contains("right-hand side jumps", "saltation matrix");
        }
        assertThat(catalog.find("StickSlipOscillator").orElseThrow().info().description()).contains("slides along");
    }
}
