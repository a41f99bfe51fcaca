package io.chaoscast.models.artifact;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.ModelType;
import io.chaoscast.models.baselines.EchoStateNetwork;
import io.chaoscast.models.baselines.FeatureSpec;
import io.chaoscast.models.baselines.PersistenceForecaster;
import io.chaoscast.models.baselines.RidgeStepForecaster;
import io.chaoscast.models.data.Standardization;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.earlyexit.EarlyExitNetwork;
import io.chaoscast.models.earlyexit.EarlyExitSpec;
import io.chaoscast.models.earlyexit.EarlyExitTrainer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saves and loads any {@link Forecaster} as one blob: a zip holding {@code spec.json} (format
 * version, type, the model's spec and provenance) and, for the early-exit network, {@code
 * parameters.bin} (DJL's block parameter format). Baselines keep their few weights in the JSON.
 *
 * <p>Format versions: 1, and 2 for models that use what version 1 could not say (an NVAR
 * feature library other than quadratic without trigonometric terms, or a network whose
 * correction is blended below 1). A model that needs none of it is still written as version 1,
 * so builds that read only version 1 keep loading it; one that does is written as version 2, so
 * such builds refuse it instead of silently dropping the new fields. A reader refuses versions
 * it does not know with {@link UnsupportedFormatVersionException}, which names the version
 * found and those supported.
 */
public final class ModelArtifacts {

    /**
     * The newest version this build writes (see {@link #versionFor}). 2: early-exit specs may hold
     * an exit router and a risk calibration (with which {@code dynamic(t)} thresholds the router's
     * scores instead of the uncertainty module's), a correction blend, and NVAR libraries with cubic
     * or trigonometric features; a version-1 reader would ignore them and misread the model, so
     * artifacts that use them say 2. Everything else is still written, and loads, as version 1.
     */
    public static final int FORMAT_VERSION = 2;

    public static final List<Integer> SUPPORTED_VERSIONS = List.of(1, 2);

    /** Fields that version 2 added; left out of the JSON while unset, as version 1 never had them. */
    private static final List<String> V2_FIELDS = List.of("blend", "order", "trig", "router", "risk");
    static final String SPEC_ENTRY = "spec.json";
    static final String PARAMS_ENTRY = "parameters.bin";
    /** Refuse entries bigger than this: an artifact is a model, not a dataset. */
    public static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    /**
     * Most entries an artifact may hold (it is written with two): a zip of thousands of tiny entries
     * must not be read entry by entry into memory.
     */
    public static final int MAX_ENTRIES = 16;
    /** Most bytes all entries together may unpack to: the bound on memory a zip bomb can claim. */
    public static final long MAX_TOTAL_BYTES = MAX_ENTRY_BYTES + 16L * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelArtifacts() {}

    /** The artifact's header, readable without loading the model. */
    public record Header(int formatVersion, String type, JsonNode spec, Provenance provenance) {}

    public static byte[] toBytes(Forecaster forecaster) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        save(forecaster, out);
        return out.toByteArray();
    }

    /** The format version {@code forecaster} is written in: 2 if it uses version-2 fields, else 1. */
    public static int versionFor(Forecaster forecaster) {
        if (forecaster instanceof EarlyExitForecaster ee) {
            var spec = ee.modelSpec();
            boolean blended = spec.blend() != null && spec.blend() != 1.0;
            boolean routed = spec.router() != null || spec.risk() != null;
            return blended || routed || (spec.base() != null && newLibrary(spec.base().features())) ? 2 : 1;
        }
        if (forecaster instanceof RidgeStepForecaster r) {
            return newLibrary(r.features()) ? 2 : 1;
        }
        return 1;
    }

    private static boolean newLibrary(FeatureSpec f) {
        return f.polynomialOrder() != 2 || f.trigonometric();
    }

    private static void stripUnset(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (String f : V2_FIELDS) {
                if (o.has(f) && o.get(f).isNull()) {
                    o.remove(f);
                }
            }
            o.values().forEach(ModelArtifacts::stripUnset);
        } else if (node != null && node.isArray()) {
            node.values().forEach(ModelArtifacts::stripUnset);
        }
    }

    public static Forecaster fromBytes(byte[] artifact) {
        return load(new java.io.ByteArrayInputStream(artifact));
    }

    public static void save(Forecaster forecaster, OutputStream out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("type", forecaster.spec().type());
        byte[] params = null;
        boolean engine = false;
        if (forecaster instanceof EarlyExitForecaster ee) {
            root.set("spec", JSON.valueToTree(ee.modelSpec()));
            params = parameters(ee.network());
            engine = true;
        } else if (forecaster instanceof RidgeStepForecaster r) {
            ObjectNode s = JSON.createObjectNode();
            s.set("features", JSON.valueToTree(r.features()));
            s.set("weights", JSON.valueToTree(r.weights()));
            s.put("alpha", r.alpha());
            root.set("spec", s);
        } else if (forecaster instanceof EchoStateNetwork esn) {
            ObjectNode s = JSON.createObjectNode();
            s.set("settings", JSON.valueToTree(esn.settings()));
            s.set("standardization", JSON.valueToTree(esn.standardization()));
            s.set("readout", JSON.valueToTree(esn.readout()));
            root.set("spec", s);
        } else if (forecaster instanceof PersistenceForecaster p) {
            ObjectNode s = JSON.createObjectNode();
            s.put("dimension", p.spec().dimension());
            root.set("spec", s);
        } else {
            throw new IllegalArgumentException("cannot save forecasters of type " + forecaster.spec().type());
        }
        stripUnset(root.get("spec"));
        root.put("formatVersion", versionFor(forecaster));
        root.set("provenance", JSON.valueToTree(Provenance.current(engine)));
        try {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(SPEC_ENTRY));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            zip.closeEntry();
            if (params != null) {
                zip.putNextEntry(new ZipEntry(PARAMS_ENTRY));
                zip.write(params);
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads only the header; fails on an unsupported version like {@link #load} does. */
    public static Header header(byte[] artifact) {
        Map<String, byte[]> entries = entries(new java.io.ByteArrayInputStream(artifact));
        return header(entries);
    }

    /**
     * @throws UnsupportedFormatVersionException for another format version
     * @throws IllegalArgumentException for a blob that is not a model artifact
     */
    public static Forecaster load(InputStream in) {
        Map<String, byte[]> entries = entries(in);
        Header h = header(entries);
        try {
            ModelType type = ModelType.find(h.type()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown model type '" + h.type() + "'; known: " + ModelType.ids()));
            return switch (type) {
                case EARLY_EXIT -> {
                    EarlyExitSpec spec = JSON.treeToValue(h.spec(), EarlyExitSpec.class);
                    byte[] params = entries.get(PARAMS_ENTRY);
                    if (params == null) {
                        throw new IllegalArgumentException("early-exit artifact lacks " + PARAMS_ENTRY);
                    }
                    NDManager manager = NDManager.newBaseManager(Device.cpu());
                    try {
                        EarlyExitNetwork net = EarlyExitTrainer.restore(manager, spec.architecture(), params);
                        yield new EarlyExitForecaster(manager, net, spec);
                    } catch (RuntimeException e) {
                        manager.close();
                        throw e;
                    }
                }
                case LINEAR, NVAR -> new RidgeStepForecaster(
                        type.id(),
                        JSON.treeToValue(h.spec().get("features"), FeatureSpec.class),
                        JSON.treeToValue(h.spec().get("weights"), double[][].class),
                        h.spec().get("alpha").asDouble());
                case ESN -> EchoStateNetwork.of(
                        JSON.treeToValue(h.spec().get("settings"), EchoStateNetwork.Settings.class),
                        JSON.treeToValue(h.spec().get("standardization"), Standardization.class),
                        JSON.treeToValue(h.spec().get("readout"), double[][].class));
                case PERSISTENCE -> new PersistenceForecaster(
                        h.spec().get("dimension").asInt());
            };
        } catch (JacksonException | NullPointerException e) {
            throw new IllegalArgumentException("model artifact spec is malformed for type " + h.type() + ": " + e.getMessage(), e);
        }
    }

    private static Header header(Map<String, byte[]> entries) {
        byte[] spec = entries.get(SPEC_ENTRY);
        if (spec == null) {
            throw new IllegalArgumentException("not a model artifact: no " + SPEC_ENTRY + " entry");
        }
        JsonNode root;
        try {
            root = JSON.readTree(spec);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("model artifact " + SPEC_ENTRY + " is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode v = root.get("formatVersion");
        if (v == null || !v.canConvertToInt()) {
            throw new IllegalArgumentException("model artifact " + SPEC_ENTRY + " has no integer formatVersion");
        }
        int version = v.asInt();
        if (!SUPPORTED_VERSIONS.contains(version)) {
            throw new UnsupportedFormatVersionException(version, SUPPORTED_VERSIONS);
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isString()) {
            throw new IllegalArgumentException("model artifact " + SPEC_ENTRY + " has no type");
        }
        Provenance p = root.has("provenance") ? JSON.treeToValue(root.get("provenance"), Provenance.class) : null;
        return new Header(version, type.asString(), root.get("spec"), p);
    }

    private static Map<String, byte[]> entries(InputStream in) {
        Map<String, byte[]> out = new HashMap<>();
        try {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry e;
            long all = 0;
            int count = 0;
            while ((e = zip.getNextEntry()) != null) {
                if (++count > MAX_ENTRIES) {
                    throw new IllegalArgumentException("model artifact holds more than " + MAX_ENTRIES + " entries");
                }
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                byte[] chunk = new byte[65536];
                long total = 0;
                int n;
                while ((n = zip.read(chunk)) > 0) {
                    total += n;
                    all += n;
                    if (all > MAX_TOTAL_BYTES) {
                        throw new IllegalArgumentException(
                                "model artifact unpacks to more than " + MAX_TOTAL_BYTES + " bytes");
                    }
                    if (total > MAX_ENTRY_BYTES) {
                        throw new IllegalArgumentException(
                                "model artifact entry " + e.getName() + " exceeds " + MAX_ENTRY_BYTES + " bytes");
                    }
                    buf.write(chunk, 0, n);
                }
                out.put(e.getName(), buf.toByteArray());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a model artifact (unreadable zip): " + e.getMessage(), e);
        }
        return out;
    }

    private static byte[] parameters(EarlyExitNetwork net) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            net.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
