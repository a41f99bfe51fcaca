package io.chaoscast.contracts.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpyTest {

    static byte[] array(double[][][] x) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Npy.header(x.length, x[0].length, x[0][0].length));
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        for (double[][] plane : x) {
            for (double[] row : plane) {
                for (double v : row) {
                    out.writeBytes(b.clear().putDouble(v).array());
                }
            }
        }
        return out.toByteArray();
    }

    @Test
    void headerIsNumpysV1LayoutPaddedTo64Bytes() {
        byte[] h = Npy.header(2, 1000, 3);
        assertThat(h.length % 64).isZero();
        assertThat(h[0]).isEqualTo((byte) 0x93);
        assertThat(new String(h, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(h[6]).isEqualTo((byte) 1);
        assertThat(h[7]).isEqualTo((byte) 0);
        int len = (h[8] & 0xff) | (h[9] & 0xff) << 8;
        assertThat(10 + len).isEqualTo(h.length);
        String dict = new String(h, 10, len, StandardCharsets.US_ASCII);
        assertThat(dict).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 1000, 3), }").endsWith(" \n");
        assertThat(new String(Npy.header(5), 10, 60, StandardCharsets.US_ASCII)).contains("'shape': (5,)");
    }

    @Test
    void readsBackWhatWasWritten() throws IOException {
        double[][][] x = new double[3][5][2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 5; j++) {
                x[i][j][0] = i * 10 + j + 0.25;
                x[i][j][1] = -Math.PI * j / (i + 1);
            }
        }
        assertThat(Npy.read3d(new ByteArrayInputStream(array(x)))).isDeepEqualTo(x);
    }

    @Test
    void readsAcrossChunkBoundariesFromSlowStreams() throws IOException {
        double[][][] x = new double[2][9000][3]; // more than one 64 KiB chunk
        for (int j = 0; j < 9000; j++) {
            x[1][j][2] = j;
        }
        byte[] bytes = array(x);
        // a stream that hands out 5 bytes at a time, so values straddle reads
        ByteArrayInputStream slow = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 5));
            }
        };
        assertThat(Npy.read3d(slow)[1][8999][2]).isEqualTo(8999.0);
    }

    @Test
    void rejectsOtherDtypesAndShortData() {
        byte[] h = Npy.header(1, 2, 2);
        byte[] f4 = new String(h, StandardCharsets.ISO_8859_1).replace("<f8", "<f4").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Npy.read3d(new ByteArrayInputStream(f4))).hasMessageContaining("'<f8'");
        byte[] shortData = new byte[h.length + 8];
        System.arraycopy(h, 0, shortData, 0, h.length);
        assertThatThrownBy(() -> Npy.read3d(new ByteArrayInputStream(shortData))).hasMessageContaining("ends early");
        assertThatThrownBy(() -> Npy.read3d(new ByteArrayInputStream("not npy".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(IOException.class);
    }
}
