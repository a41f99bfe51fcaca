package io.chaoscast.contracts.datasets;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NPY v1.0 format as ChaosCast uses it: float64 little-endian ({@code '<f8'}), C order, with
 * the header padded by spaces and a newline to a multiple of 64 bytes, the way numpy writes it.
 * {@code numpy.load} reads what {@link #header} writes.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int PREAMBLE = MAGIC.length + 2 + 2; // magic, version, header length
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");

    private Npy() {}

    /** The complete header (preamble included) of a float64 C-order array of this shape. */
    public static byte[] header(long... shape) {
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            dims.append(shape[i]);
            if (i < shape.length - 1 || shape.length == 1) {
                dims.append(shape.length == 1 ? "," : ", ");
            }
        }
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = PREAMBLE + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(padding) + "\n";
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(PREAMBLE + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) body.length).put(body);
        return b.array();
    }

    /** What a header says: the shape, and how many bytes the header took. */
    public record Header(long[] shape, int headerLength) {
        public long elementCount() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }
    }

    /**
     * Reads and checks a header, leaving {@code in} at the first data byte.
     *
     * @throws IOException when the stream is not an NPY v1/v2 float64 little-endian C-order array
     */
    public static Header readHeader(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        data.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not an NPY stream: bad magic");
        }
        int major = data.readUnsignedByte();
        data.readUnsignedByte();
        int length;
        int preamble;
        if (major == 1) {
            length = data.readUnsignedByte() | (data.readUnsignedByte() << 8);
            preamble = PREAMBLE;
        } else if (major == 2 || major == 3) {
            byte[] le = new byte[4];
            data.readFully(le);
            length = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN).getInt();
            preamble = PREAMBLE + 2;
        } else {
            throw new IOException("unsupported NPY version " + major);
        }
        byte[] body = new byte[length];
        data.readFully(body);
        String dict = new String(body, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(dict);
        if (!descr.find() || !descr.group(1).equals("<f8")) {
            throw new IOException("expected float64 little-endian ('<f8') data, header says " + dict.trim());
        }
        Matcher fortran = FORTRAN.matcher(dict);
        if (fortran.find() && fortran.group(1).equals("True")) {
            throw new IOException("expected C order, header says fortran_order True");
        }
        Matcher shape = SHAPE.matcher(dict);
        if (!shape.find()) {
            throw new IOException("NPY header without shape: " + dict.trim());
        }
        long[] dims =
                Arrays.stream(shape.group(1).split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .mapToLong(Long::parseLong)
                        .toArray();
        return new Header(dims, preamble + length);
    }

    /** Reads a whole three-dimensional float64 array, e.g. {@code [trajectories, length, dimension]}. */
    public static double[][][] read3d(InputStream in) throws IOException {
        Header header = readHeader(in);
        if (header.shape().length != 3) {
            throw new IOException("expected a 3-dimensional array, found shape " + Arrays.toString(header.shape()));
        }
        int n0 = Math.toIntExact(header.shape()[0]);
        int n1 = Math.toIntExact(header.shape()[1]);
        int n2 = Math.toIntExact(header.shape()[2]);
        double[][][] out = new double[n0][n1][n2];
        byte[] chunk = new byte[8 * 8192];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        int available = 0;
        int pos = 0;
        for (int i = 0; i < n0; i++) {
            for (int j = 0; j < n1; j++) {
                double[] row = out[i][j];
                for (int k = 0; k < n2; k++) {
                    if (pos + 8 > available) {
                        // keep the partial value, refill behind it
                        int rest = available - pos;
                        System.arraycopy(chunk, pos, chunk, 0, rest);
                        available = rest;
                        pos = 0;
                        while (available < 8) {
                            int r = in.read(chunk, available, chunk.length - available);
                            if (r < 0) {
                                throw new EOFException("NPY data ends early at element [" + i + ", " + j + ", " + k + "]");
                            }
                            available += r;
                        }
                    }
                    row[k] = buf.getDouble(pos);
                    pos += 8;
                }
            }
        }
        return out;
    }
}
