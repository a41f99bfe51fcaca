package io.chaoscast.models.earlyexit;

import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Adam;
import ai.djl.util.PairList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of an {@link EarlyExitTrainer} run after an epoch, as bytes: everything the next
 * epoch depends on except what is rebuilt from the seed (the generators are wound forward).
 *
 * @param done training stopped after this epoch (early stopping, the time budget, or a
 *     non-finite loss)
 * @param best the best epoch's weights ({@link EarlyExitTrainer#snapshot}), null before any
 */
record Checkpoint(
        int epoch,
        boolean done,
        boolean stoppedEarly,
        int bestEpoch,
        double bestValue,
        int sinceBest,
        double elapsedSeconds,
        byte[] best,
        List<EpochProgress> history) {

    private static final int FORMAT = 1;

    byte[] write(EarlyExitNetwork net, Adam adam) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(epoch);
            out.writeBoolean(done);
            out.writeBoolean(stoppedEarly);
            out.writeInt(bestEpoch);
            out.writeDouble(bestValue);
            out.writeInt(sinceBest);
            out.writeDouble(elapsedSeconds);
            PairList<String, Parameter> parameters = net.getParameters();
            out.writeInt(parameters.size());
            for (var p : parameters) {
                out.writeUTF(p.getKey());
                AdamState.writeArray(out, p.getValue().getArray());
            }
            out.writeInt(best == null ? -1 : best.length);
            if (best != null) {
                out.write(best);
            }
            AdamState.write(adam, parameters, out);
            out.writeInt(history.size());
            for (EpochProgress h : history) {
                out.writeInt(h.epoch());
                out.writeInt(h.epochs());
                out.writeDouble(h.trainLoss());
                out.writeDouble(h.validationLoss());
                out.writeDouble(h.validationForecastLoss());
                out.writeInt(h.validationExitErrors().length);
                for (double e : h.validationExitErrors()) {
                    out.writeDouble(e);
                }
                out.writeDouble(h.elapsedSeconds());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a checkpoint and loads its weights and optimizer state into {@code net} and {@code adam}. */
    static Checkpoint read(byte[] state, EarlyExitNetwork net, Adam adam) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("checkpoint format " + format + " is not supported (expected " + FORMAT + ")");
            }
            int epoch = in.readInt();
            boolean done = in.readBoolean();
            boolean stoppedEarly = in.readBoolean();
            int bestEpoch = in.readInt();
            double bestValue = in.readDouble();
            int sinceBest = in.readInt();
            double elapsed = in.readDouble();
            PairList<String, Parameter> parameters = net.getParameters();
            int n = in.readInt();
            if (n != parameters.size()) {
                throw new IllegalArgumentException("checkpoint holds " + n + " parameters, the network has " + parameters.size());
            }
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                Parameter p = parameters.get(name);
                float[] values = AdamState.readArray(in);
                if (p == null || values == null || values.length != p.getArray().size()) {
                    throw new IllegalArgumentException("checkpoint parameter " + name + " does not match the network");
                }
                // In place: the array keeps its gradient attachment, its place in the trainer's
                // parameter store and its storage in libtorch's memory (HostArrays).
                HostArrays.overwrite(p.getArray(), values);
            }
            int bestLength = in.readInt();
            byte[] best = bestLength < 0 ? null : in.readNBytes(bestLength);
            AdamState.read(adam, parameters, in);
            int h = in.readInt();
            List<EpochProgress> history = new ArrayList<>(h);
            for (int i = 0; i < h; i++) {
                int e = in.readInt();
                int epochs = in.readInt();
                double trainLoss = in.readDouble();
                double valLoss = in.readDouble();
                double valForecast = in.readDouble();
                double[] exits = new double[in.readInt()];
                for (int k = 0; k < exits.length; k++) {
                    exits[k] = in.readDouble();
                }
                history.add(new EpochProgress(e, epochs, trainLoss, valLoss, valForecast, exits, in.readDouble()));
            }
            return new Checkpoint(epoch, done, stoppedEarly, bestEpoch, bestValue, sinceBest, elapsed, best, history);
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint is unreadable: " + e.getMessage(), e);
        }
    }
}
