package io.chaoscast.models.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.models.Forecaster;
import io.chaoscast.models.TinyLorenz;
import io.chaoscast.models.baselines.EchoStateNetwork;
import io.chaoscast.models.baselines.LinearAutoregression;
import io.chaoscast.models.baselines.Nvar;
import io.chaoscast.models.baselines.PersistenceForecaster;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.earlyexit.ThresholdCalibrator;
import io.chaoscast.models.policy.ExitPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ModelArtifactsTest {

    static final String FIXTURE = "/fixtures/tiny-early-exit-v1.zip";
    static final String FIXTURE_EXPECTED = "/fixtures/tiny-early-exit-v1-expected.json";

    @Test
    void earlyExitRoundTripGivesIdenticalForecasts() {
        try (EarlyExitForecaster net = TinyLorenz.trainNetwork()) {
            EarlyExitForecaster cal = ThresholdCalibrator.calibrate(net, TinyLorenz.splits().validation(), 0.02, 4);
            byte[] blob = ModelArtifacts.toBytes(cal);
            ModelArtifacts.Header header = ModelArtifacts.header(blob);
            // A network without base or blend needs nothing of version 2: still readable by version-1 builds.
            assertThat(header.formatVersion()).isEqualTo(1);
            assertThat(header.spec().has("blend")).isFalse();
            assertThat(header.type()).isEqualTo("early-exit");
            assertThat(header.provenance().engine()).isEqualTo("PyTorch");
            assertThat(header.provenance().djlVersion()).isEqualTo("0.36.0");
            try (EarlyExitForecaster loaded = (EarlyExitForecaster) ModelArtifacts.fromBytes(blob)) {
                assertThat(loaded.modelSpec().calibration()).isEqualTo(cal.modelSpec().calibration());
                assertThat(loaded.modelSpec().standardization()).isEqualTo(cal.modelSpec().standardization());
                double[][][] ctx = TinyLorenz.contexts(16, 8);
                for (ExitPolicy p : List.of(ExitPolicy.full(), ExitPolicy.fixed(1), cal.calibratedPolicy())) {
                    var a = cal.forecast(ctx, 9, p);
                    var b = loaded.forecast(ctx, 9, p);
                    assertThat(b.forecasts()).isDeepEqualTo(a.forecasts());
                    assertThat(b.exitDepths()).isDeepEqualTo(a.exitDepths());
                }
            }
        }
    }

    @Test
    void zipOfManyEntriesIsRefusedBeforeItIsReadIntoMemory() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i <= ModelArtifacts.MAX_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("entry-" + i + ".json"));
                zip.write("{}".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        assertThatThrownBy(() -> ModelArtifacts.header(bytes.toByteArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than " + ModelArtifacts.MAX_ENTRIES + " entries");
    }

    @Test
    void baselinesRoundTrip() {
        var s = TinyLorenz.splits();
        List<Forecaster> all = List.of(
                new PersistenceForecaster(3),
                LinearAutoregression.fit(s.train(), 4, 1e-6),
                Nvar.fit(s.train(), 2, 1, 1e-6),
                EchoStateNetwork.fitTuned(
                        s.train(), s.validation(), new EchoStateNetwork.Settings(50, 3, 0.9, 0.5, 0.5, 20, 1L), 20));
        double[][][] ctx = TinyLorenz.contexts(4, 20);
        for (Forecaster f : all) {
            Forecaster loaded = ModelArtifacts.fromBytes(ModelArtifacts.toBytes(f));
            assertThat(loaded.spec()).isEqualTo(f.spec());
            assertThat(loaded.forecast(ctx, 7, ExitPolicy.full()).forecasts())
                    .isDeepEqualTo(f.forecast(ctx, 7, ExitPolicy.full()).forecasts());
        }
    }

    @Test
    void unknownFormatVersionIsRejectedNamingBothVersions() throws IOException {
        byte[] blob = zip("{\"formatVersion\": 99, \"type\": \"early-exit\", \"spec\": {}}");
        assertThatThrownBy(() -> ModelArtifacts.fromBytes(blob))
                .isInstanceOf(UnsupportedFormatVersionException.class)
                .hasMessageContaining("format version 99")
                .hasMessageContaining("[1, 2]");
    }

    @Test
    void garbageIsRejectedClearly() throws IOException {
        assertThatThrownBy(() -> ModelArtifacts.fromBytes("not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spec.json");
        assertThatThrownBy(() -> ModelArtifacts.fromBytes(zip("{\"formatVersion\": 1, \"type\": \"mystery\"}")))
                .hasMessageContaining("unknown model type 'mystery'");
    }

    /** Tribuo-style: a model saved by an earlier build keeps loading and forecasting the same. */
    @Test
    void savedFixtureOfTheCurrentFormatLoads() throws IOException {
        byte[] blob;
        try (InputStream in = getClass().getResourceAsStream(FIXTURE)) {
            assertThat(in).as("fixture " + FIXTURE).isNotNull();
            blob = in.readAllBytes();
        }
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream(FIXTURE_EXPECTED)) {
            expected = JsonMapper.builder().build().readTree(in);
        }
        double[][][] ctx = JsonMapper.builder().build().treeToValue(expected.get("contexts"), double[][][].class);
        double[][][] want = JsonMapper.builder().build().treeToValue(expected.get("forecasts"), double[][][].class);
        try (EarlyExitForecaster f = (EarlyExitForecaster) ModelArtifacts.fromBytes(blob)) {
            double[][][] got = f.forecast(ctx, want[0].length, ExitPolicy.full()).forecasts();
            for (int b = 0; b < want.length; b++) {
                for (int k = 0; k < want[b].length; k++) {
                    assertThat(got[b][k]).containsExactly(want[b][k], within(1e-5));
                }
            }
            assertThat(f.modelSpec().calibration()).isNotNull();
        }
    }

    /** Regenerates the fixture: {@code -Dchaoscast.writeFixtures=src/test/resources/fixtures}. */
    @Test
    @EnabledIfSystemProperty(named = "chaoscast.writeFixtures", matches = ".+")
    void writeFixture() throws IOException {
        Path dir = Path.of(System.getProperty("chaoscast.writeFixtures"));
        Files.createDirectories(dir);
        try (EarlyExitForecaster net = TinyLorenz.trainNetwork()) {
            EarlyExitForecaster cal = ThresholdCalibrator.calibrate(net, TinyLorenz.splits().validation(), 0.02, 4);
            Files.write(dir.resolve("tiny-early-exit-v1.zip"), ModelArtifacts.toBytes(cal));
            double[][][] ctx = TinyLorenz.contexts(3, 8);
            double[][][] fc = cal.forecast(ctx, 6, ExitPolicy.full()).forecasts();
            var json = JsonMapper.builder().build().createObjectNode();
            json.putPOJO("contexts", ctx);
            json.putPOJO("forecasts", fc);
            Files.writeString(
                    dir.resolve("tiny-early-exit-v1-expected.json"),
                    JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        }
    }

    /** An NVAR spec written before input standardisation existed (no "inputs") loads as raw states. */
    @Test
    void nvarSpecWithoutInputsLoadsAsRawStates() throws IOException {
        var s = TinyLorenz.splits();
        var raw = Nvar.fit(s.train(), 2, 1, 1e-6);
        assertThat(raw.features().inputs()).isNull();
        var spec = (tools.jackson.databind.node.ObjectNode) ModelArtifacts.header(ModelArtifacts.toBytes(raw)).spec();
        ((tools.jackson.databind.node.ObjectNode) spec.get("features")).remove("inputs");
        assertThat(spec.get("features").has("inputs")).isFalse();
        Forecaster loaded = ModelArtifacts.fromBytes(zip("{\"formatVersion\": 1, \"type\": \"nvar\", \"spec\": " + spec + "}"));
        double[][][] ctx = TinyLorenz.contexts(4, 8);
        assertThat(loaded.forecast(ctx, 20, ExitPolicy.full()).forecasts())
                .isDeepEqualTo(raw.forecast(ctx, 20, ExitPolicy.full()).forecasts());
        // The tuned NVAR standardises its inputs and keeps that through a round trip.
        var tuned = Nvar.fitTuned(s.train(), s.validation(), 2, 1, 20);
        assertThat(tuned.features().inputs()).isNotNull();
        Forecaster back = ModelArtifacts.fromBytes(ModelArtifacts.toBytes(tuned));
        assertThat(back.forecast(ctx, 20, ExitPolicy.full()).forecasts())
                .isDeepEqualTo(tuned.forecast(ctx, 20, ExitPolicy.full()).forecasts());
    }

    /** Artifacts written before the type registry name the linear baseline "linear-ar"; they load as "linear". */
    @Test
    void linearArArtifactsLoadUnderTheRegistryName() throws IOException {
        var s = TinyLorenz.splits();
        var ar = io.chaoscast.models.baselines.LinearAutoregression.fit(s.train(), 4, 1e-6);
        assertThat(ar.spec().type()).isEqualTo("linear");
        var spec = ModelArtifacts.header(ModelArtifacts.toBytes(ar)).spec();
        Forecaster loaded = ModelArtifacts.fromBytes(zip("{\"formatVersion\": 1, \"type\": \"linear-ar\", \"spec\": " + spec + "}"));
        assertThat(loaded.spec().type()).isEqualTo(io.chaoscast.models.ModelType.LINEAR.id());
        double[][][] ctx = TinyLorenz.contexts(2, 8);
        assertThat(loaded.forecast(ctx, 5, ExitPolicy.full()).forecasts())
                .isDeepEqualTo(ar.forecast(ctx, 5, ExitPolicy.full()).forecasts());
        assertThat(io.chaoscast.models.ModelType.of("linear-ar")).isEqualTo(io.chaoscast.models.ModelType.LINEAR);
        assertThat(io.chaoscast.models.ModelTypes.TYPES).containsExactly("early-exit", "nvar", "linear", "esn", "persistence");
    }

    private static byte[] zip(String specJson) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("spec.json"));
            z.write(specJson.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
