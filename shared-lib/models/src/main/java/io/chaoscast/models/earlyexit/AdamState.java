package io.chaoscast.models.earlyexit;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;

/**
 * Saves and restores the state of DJL's {@link Adam}: its first and second moments and the update
 * counts that drive bias correction and the learning-rate schedule. Without them a resumed
 * training would restart Adam cold and not continue the interrupted run.
 *
 * <p>DJL (0.36) keeps that state in private fields and offers no API for it, so this reads and
 * writes them by reflection; the field names are checked when the class is used, so a DJL upgrade
 * that renames them fails loudly at the first checkpoint, not silently. State is keyed by the
 * parameter's structured name (DJL's parameter ids are random per process).
 */
final class AdamState {

    private static final Field MEANS = field(Adam.class, "means");
    private static final Field VARIANCES = field(Adam.class, "variances");
    private static final Field UPDATE_COUNTS = field(Optimizer.class, "updateCounts");
    private static final Field NUM_UPDATE = field(Optimizer.class, "numUpdate");

    private AdamState() {}

    static void write(Adam adam, PairList<String, Parameter> parameters, DataOutputStream out) throws IOException {
        Map<String, Map<Device, NDArray>> means = get(MEANS, adam);
        Map<String, Map<Device, NDArray>> variances = get(VARIANCES, adam);
        Map<String, Integer> counts = get(UPDATE_COUNTS, adam);
        out.writeInt(getInt(NUM_UPDATE, adam));
        out.writeInt(parameters.size());
        for (var p : parameters) {
            String id = p.getValue().getId();
            out.writeUTF(p.getKey());
            out.writeInt(counts.getOrDefault(id, -1));
            writeArray(out, single(means.get(id)));
            writeArray(out, single(variances.get(id)));
        }
    }

    static void read(Adam adam, PairList<String, Parameter> parameters, DataInputStream in) throws IOException {
        Map<String, Map<Device, NDArray>> means = get(MEANS, adam);
        Map<String, Map<Device, NDArray>> variances = get(VARIANCES, adam);
        Map<String, Integer> counts = get(UPDATE_COUNTS, adam);
        int numUpdate = in.readInt();
        int n = in.readInt();
        Map<String, Parameter> byName = new HashMap<>();
        parameters.forEach(p -> byName.put(p.getKey(), p.getValue()));
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            Parameter p = byName.get(name);
            if (p == null) {
                throw new IOException("the checkpoint's optimizer state names parameter " + name + ", which the network lacks");
            }
            int count = in.readInt();
            NDArray weight = p.getArray();
            float[] mean = readArray(in);
            float[] variance = readArray(in);
            if (count >= 0) {
                counts.put(p.getId(), count);
            }
            if (mean != null) {
                means.computeIfAbsent(p.getId(), k -> new HashMap<>())
                        .put(weight.getDevice(), HostArrays.tensor(weight.getManager(), mean, weight.getShape()));
            }
            if (variance != null) {
                variances.computeIfAbsent(p.getId(), k -> new HashMap<>())
                        .put(weight.getDevice(), HostArrays.tensor(weight.getManager(), variance, weight.getShape()));
            }
        }
        try {
            NUM_UPDATE.setInt(adam, numUpdate);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a parameter array's values (float32), or a -1 length for none. */
    static void writeArray(DataOutputStream out, NDArray a) throws IOException {
        if (a == null) {
            out.writeInt(-1);
            return;
        }
        float[] v = a.toFloatArray();
        out.writeInt(v.length);
        for (float f : v) {
            out.writeFloat(f);
        }
    }

    static float[] readArray(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }

    private static NDArray single(Map<Device, NDArray> perDevice) {
        return perDevice == null || perDevice.isEmpty() ? null : perDevice.values().iterator().next();
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("DJL's " + owner.getSimpleName() + " has no field " + name
                    + "; checkpoints of the optimizer state need updating for this DJL version");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(Field f, Object o) {
        try {
            return (T) f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int getInt(Field f, Object o) {
        try {
            return f.getInt(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
