package io.chaoscast.dataset.generation;

import io.chaoscast.contracts.datasets.Npy;
import io.chaoscast.contracts.datasets.SplitRange;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams one split of a dataset file as NPY, CSV or JSON. A split is, per trajectory, one
 * contiguous block of the file, so NPY is a header plus that block copied through a bounded buffer,
 * and nothing is ever held whole in memory.
 */
public final class DataExporter {

    private static final int COPY_BUFFER = 256 * 1024;

    private final Path file;
    private final long dataStart;
    private final int trajectories;
    private final int length;
    private final int dimension;

    public DataExporter(Path file, int trajectories, int length, int dimension) {
        this.file = file;
        this.dataStart = Npy.header(trajectories, length, dimension).length;
        this.trajectories = trajectories;
        this.length = length;
        this.dimension = dimension;
    }

    public static long npyLength(int trajectories, int steps, int dimension) {
        return Npy.header(trajectories, steps, dimension).length + (long) trajectories * steps * dimension * Double.BYTES;
    }

    public void npy(SplitRange range, OutputStream out) throws IOException {
        out.write(Npy.header(trajectories, range.length(), dimension));
        // Copied through one heap buffer of up to 256 KiB: transferTo into a stream-backed channel
        // moves 8 KiB at a time, one servlet write each.
        long total = (long) range.length() * dimension * Double.BYTES;
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.max(1, Math.min(COPY_BUFFER, total)));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int k = 0; k < trajectories; k++) {
                long position = offset(k, range.start());
                long remaining = total;
                while (remaining > 0) {
                    chunk.clear().limit((int) Math.min(chunk.capacity(), remaining));
                    int read = channel.read(chunk, position);
                    if (read <= 0) {
                        throw new IOException("dataset file ended early at byte " + position);
                    }
                    out.write(chunk.array(), 0, read);
                    position += read;
                    remaining -= read;
                }
            }
        }
        out.flush();
    }

    /** {@code trajectory,step,time,x0,...}; step counts from the first sample of the trajectory. */
    public void csv(SplitRange range, double samplingInterval, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("trajectory,step,time");
        for (int i = 0; i < dimension; i++) {
            w.write(",x" + i);
        }
        w.write('\n');
        double[] state = new double[dimension];
        try (StateReader reader = new StateReader()) {
            for (int k = 0; k < trajectories; k++) {
                reader.seek(k, range.start());
                for (int s = 0; s < range.length(); s++) {
                    int step = range.start() + s;
                    reader.next(state);
                    w.write(Integer.toString(k));
                    w.write(',');
                    w.write(Integer.toString(step));
                    w.write(',');
                    w.write(Double.toString(step * samplingInterval));
                    for (double v : state) {
                        w.write(',');
                        w.write(Double.toString(v));
                    }
                    w.write('\n');
                }
            }
        }
        w.flush();
    }

    /** {@code {"id":..,"split":..,"shape":[..],"startStep":..,"samplingInterval":..,"data":[[[..]]]}}. */
    public void json(String id, String split, SplitRange range, double samplingInterval, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("{\"id\":\"" + id + "\",\"split\":\"" + split + "\",\"shape\":[" + trajectories + "," + range.length() + ","
                + dimension + "],\"startStep\":" + range.start() + ",\"samplingInterval\":" + samplingInterval + ",\"data\":[");
        double[] state = new double[dimension];
        try (StateReader reader = new StateReader()) {
            for (int k = 0; k < trajectories; k++) {
                w.write(k == 0 ? "[" : ",[");
                reader.seek(k, range.start());
                for (int s = 0; s < range.length(); s++) {
                    reader.next(state);
                    w.write(s == 0 ? "[" : ",[");
                    for (int i = 0; i < dimension; i++) {
                        if (i > 0) {
                            w.write(',');
                        }
                        w.write(Double.toString(state[i]));
                    }
                    w.write(']');
                }
                w.write(']');
            }
        }
        w.write("]}");
        w.flush();
    }

    private long offset(int trajectory, int step) {
        return dataStart + ((long) trajectory * length + step) * dimension * Double.BYTES;
    }

    /** Sequential reads of states through a 64 KiB buffer. */
    private final class StateReader implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private long position;

        StateReader() throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }

        void seek(int trajectory, int step) {
            position = offset(trajectory, step);
            buffer.clear().limit(0);
        }

        void next(double[] state) throws IOException {
            for (int i = 0; i < state.length; i++) {
                if (!buffer.hasRemaining()) {
                    buffer.clear();
                    int r = channel.read(buffer, position);
                    if (r <= 0) {
                        throw new IOException("dataset file ended early at byte " + position);
                    }
                    position += r;
                    buffer.flip();
                    if (buffer.remaining() % Double.BYTES != 0) {
                        // keep whole values only; re-read the partial one next time
                        int whole = buffer.remaining() - buffer.remaining() % Double.BYTES;
                        position -= buffer.remaining() - whole;
                        buffer.limit(whole);
                    }
                }
                state[i] = buffer.getDouble();
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
