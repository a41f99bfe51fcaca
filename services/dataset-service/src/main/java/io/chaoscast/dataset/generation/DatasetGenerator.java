package io.chaoscast.dataset.generation;

import io.chaoscast.contracts.datasets.Npy;
import io.chaoscast.contracts.datasets.Standardization;
import io.chaoscast.dynamics.integration.TrajectoryGenerator;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.SystemKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Writes a dataset as an NPY file ({@code [trajectories, length, dimension]}, float64
 * little-endian), streaming every sample from the integrator straight into a fixed 1 MiB buffer:
 * the heap never holds the dataset.
 *
 * <p>Noise and standardisation need statistics of the whole data, which a stream only knows at its
 * end, so they are applied by further sequential passes that rewrite the file in place:
 *
 * <ol>
 *   <li>integrate; accumulate per-dimension mean and variance (Welford) of all clean data and of
 *       the training steps;
 *   <li>if {@code noise > 0}: add {@code noise x std_d x N(0,1)} (std_d of the clean data, per
 *       dimension) and recompute the training statistics of the noisy data;
 *   <li>if {@code standardize}: rewrite every value as {@code (x - mean_d) / std_d} with the
 *       training statistics (all data when the training split is empty).
 * </ol>
 *
 * The SHA-256 checksum covers the data bytes (header excluded) and is computed in the last pass.
 *
 * <p>Randomness: {@code root = new SplittableRandom(seed)}; the first {@code split()} draws initial
 * conditions (one further split per trajectory), the second draws noise (one split per trajectory).
 * Gaussians come from Box-Muller with {@link StrictMath}, so bytes do not depend on the JDK or CPU.
 */
public final class DatasetGenerator {

    /** Drawn initial conditions: the default state integrated for 1 to this many periods. */
    public static final double MAX_DRAW_PERIODS = 50;

    /** Relative size of the perturbation of a drawn initial condition. */
    public static final double DRAW_PERTURBATION = 1e-4;

    private static final int BUFFER_BYTES = 1 << 20;

    /** Progress of pass one, also the place where cancellation is noticed. */
    @FunctionalInterface
    public interface ProgressListener {
        void pointsDone(long done, long total);
    }

    /** Thrown from inside the integration when the generating thread is interrupted. */
    public static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancelledException() {
            super("generation was interrupted");
        }
    }

    /** The outcome: checksum of the data bytes, file size, and the statistics used. */
    public record GeneratedData(String checksum, long sizeBytes, Standardization standardization) {}

    /**
     * @throws CancelledException when the thread is interrupted (file channels close on interrupt,
     *     which is reported as cancellation, not as an I/O failure)
     */
    public GeneratedData generate(GenerationPlan plan, Path file, ProgressListener progress) throws IOException {
        try {
            return write(plan, file, progress);
        } catch (ClosedByInterruptException e) {
            throw new CancelledException();
        }
    }

    private GeneratedData write(GenerationPlan plan, Path file, ProgressListener progress) throws IOException {
        int d = plan.dimension();
        int length = plan.length();
        byte[] header = Npy.header(plan.shape());
        boolean rewrite = plan.noise() > 0 || plan.standardize();
        SplittableRandom root = new SplittableRandom(plan.seed());
        SplittableRandom icRandom = root.split();
        SplittableRandom noiseRandom = root.split();
        // The statistics feed the noise scale and the standardisation only; without either they
        // would cost a division per element for nothing.
        Welford clean = rewrite ? new Welford(d) : null;
        Welford cleanTrain = rewrite ? new Welford(d) : null;
        MessageDigest digest = RecipeIds.sha256();
        try (FileChannel channel =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
            writeFully(channel, ByteBuffer.wrap(header));
            int row = d * Double.BYTES;
            long wanted = Math.max(row, Math.min(BUFFER_BYTES, plan.dataBytes())); // small datasets, small buffer
            ByteBuffer buffer = ByteBuffer.allocate((int) (wanted - wanted % row)).order(ByteOrder.LITTLE_ENDIAN);
            TrajectoryGenerator generator = new TrajectoryGenerator(plan.tolerances());
            long total = plan.totalPoints();
            int train = plan.split().train();
            try {
                integrate(plan, generator, icRandom, channel, buffer, rewrite ? null : digest, clean, cleanTrain, progress);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            flush(channel, buffer, rewrite ? null : digest);
            progress.pointsDone(total, total);

            Standardization standardization = null;
            if (rewrite) {
                Welford trainStats = cleanTrain;
                Welford allStats = clean;
                if (plan.noise() > 0) {
                    double[] scale = clean.std();
                    for (int i = 0; i < d; i++) {
                        scale[i] *= plan.noise();
                    }
                    Welford noisy = new Welford(d);
                    Welford noisyTrain = new Welford(d);
                    rewrite(channel, header.length, plan, buffer, plan.standardize() ? null : digest, new ElementOp() {
                        private SplittableRandom random;

                        @Override
                        public void beginTrajectory(int k) {
                            random = noiseRandom.split();
                        }

                        @Override
                        public double apply(int step, int dim, double x) {
                            double y = x + scale[dim] * gaussian(random);
                            noisy.add(dim, y);
                            if (step < train) {
                                noisyTrain.add(dim, y);
                            }
                            return y;
                        }
                    });
                    trainStats = noisyTrain;
                    allStats = noisy;
                }
                if (plan.standardize()) {
                    Welford basis = train > 0 ? trainStats : allStats;
                    double[] mean = basis.mean();
                    double[] std = basis.std();
                    for (int i = 0; i < d; i++) {
                        if (!(std[i] > 0)) {
                            std[i] = 1; // a constant dimension stays centred, not divided by zero
                        }
                    }
                    rewrite(channel, header.length, plan, buffer, digest, new ElementOp() {
                        @Override
                        public void beginTrajectory(int k) {}

                        @Override
                        public double apply(int step, int dim, double x) {
                            return (x - mean[dim]) / std[dim];
                        }
                    });
                    standardization = new Standardization(mean, std);
                }
            }
            // No fsync: the bytes are a cache. A file that a crash left short or garbled is caught by
            // the size check on every read and the checksum check on the first read per process.
            return new GeneratedData(HexFormat.of().formatHex(digest.digest()), header.length + plan.dataBytes(), standardization);
        }
    }

    /** Pass one: integrates every trajectory into the buffer, flushing it to the file as it fills. */
    private static void integrate(
            GenerationPlan plan,
            TrajectoryGenerator generator,
            SplittableRandom icRandom,
            FileChannel channel,
            ByteBuffer buffer,
            MessageDigest digest,
            Welford clean,
            Welford cleanTrain,
            ProgressListener progress) {
        int d = plan.dimension();
        int length = plan.length();
        long total = plan.totalPoints();
        int train = plan.split().train();
        long[] done = {0};
        for (int k = 0; k < plan.trajectories(); k++) {
            double[] initial =
                    plan.initialConditions() != null ? plan.initialConditions().get(k) : draw(plan, generator, icRandom.split());
            generator.generate(
                    plan.system(),
                    plan.parameters(),
                    initial,
                    plan.samplingInterval(),
                    plan.transientTime(),
                    length,
                    (index, state) -> {
                        if (state.length != d) {
                            throw new IllegalStateException(
                                    plan.system().name() + " emitted a state of dimension " + state.length + ", expected " + d);
                        }
                        if (buffer.remaining() < d * Double.BYTES) {
                            try {
                                flush(channel, buffer, digest);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                        for (int i = 0; i < d; i++) {
                            buffer.putDouble(state[i]);
                        }
                        if (clean != null) {
                            clean.add(state);
                            if (index < train) {
                                cleanTrain.add(state);
                            }
                        }
                        long n = ++done[0];
                        if ((n & 1023) == 0) {
                            if (Thread.currentThread().isInterrupted()) {
                                throw new CancelledException();
                            }
                            progress.pointsDone(n, total);
                        }
                    });
        }
    }

    /**
     * A state on the attractor: the default state integrated for a random 1 to {@link
     * #MAX_DRAW_PERIODS} periods, then each component scaled by {@code 1 + 1e-4 N(0,1)}. The scaling
     * keeps signs, so states of maps confined to an interval stay inside it.
     */
    static double[] draw(GenerationPlan plan, TrajectoryGenerator generator, SplittableRandom random) {
        ChaoticSystem system = plan.system();
        double periods = system.kind() == SystemKind.MAP
                ? random.nextInt(1, (int) MAX_DRAW_PERIODS + 1)
                : random.nextDouble(1, MAX_DRAW_PERIODS);
        double[] start = system.defaultInitialCondition(plan.parameters());
        double[] state = new double[start.length];
        generator.generate(
                system,
                plan.parameters(),
                start,
                plan.samplingInterval(),
                periods * system.period(),
                1,
                (index, s) -> System.arraycopy(s, 0, state, 0, state.length));
        for (int i = 0; i < state.length; i++) {
            state[i] *= 1 + DRAW_PERTURBATION * gaussian(random);
        }
        return state;
    }

    /** Box-Muller, one normal deviate per two uniforms, with StrictMath for bit-reproducibility. */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log is finite
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    private interface ElementOp {
        void beginTrajectory(int k);

        double apply(int step, int dim, double x);
    }

    /** Rewrites the data in place, in file order, chunk by chunk. */
    private static void rewrite(
            FileChannel channel, long dataStart, GenerationPlan plan, ByteBuffer buffer, MessageDigest digest, ElementOp op)
            throws IOException {
        int d = plan.dimension();
        long perTrajectory = (long) plan.length() * d;
        for (int k = 0; k < plan.trajectories(); k++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancelledException();
            }
            op.beginTrajectory(k);
            long element = 0;
            long position = dataStart + k * perTrajectory * Double.BYTES;
            while (element < perTrajectory) {
                int count = (int) Math.min(buffer.capacity() / Double.BYTES, perTrajectory - element);
                buffer.clear().limit(count * Double.BYTES);
                readFully(channel, buffer, position);
                buffer.flip();
                for (int j = 0; j < count; j++) {
                    long e = element + j;
                    int at = j * Double.BYTES;
                    buffer.putDouble(at, op.apply((int) (e / d), (int) (e % d), buffer.getDouble(at)));
                }
                if (digest != null) {
                    digest.update(buffer.array(), 0, count * Double.BYTES);
                }
                buffer.position(0);
                while (buffer.hasRemaining()) {
                    channel.write(buffer, position + buffer.position());
                }
                position += (long) count * Double.BYTES;
                element += count;
            }
        }
        buffer.clear();
    }

    private static void flush(FileChannel channel, ByteBuffer buffer, MessageDigest digest) throws IOException {
        buffer.flip();
        if (digest != null) {
            digest.update(buffer.array(), 0, buffer.limit());
        }
        writeFully(channel, buffer);
        buffer.clear();
    }

    private static void writeFully(FileChannel channel, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer b, long position) throws IOException {
        while (b.hasRemaining()) {
            int r = channel.read(b, position + b.position());
            if (r < 0) {
                throw new IOException("dataset file ended early at byte " + (position + b.position()));
            }
        }
    }

    /** Per-dimension running mean and variance (Welford), numerically stable in one pass. */
    static final class Welford {
        private final long[] n;
        private final double[] mean;
        private final double[] m2;

        Welford(int d) {
            n = new long[d];
            mean = new double[d];
            m2 = new double[d];
        }

        void add(double[] x) {
            for (int i = 0; i < x.length; i++) {
                add(i, x[i]);
            }
        }

        void add(int i, double x) {
            long c = ++n[i];
            double delta = x - mean[i];
            mean[i] += delta / c;
            m2[i] += delta * (x - mean[i]);
        }

        double[] mean() {
            return mean.clone();
        }

        /** Population standard deviation. */
        double[] std() {
            double[] s = new double[mean.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = n[i] > 0 ? Math.sqrt(m2[i] / n[i]) : 0;
            }
            return s;
        }
    }
}
