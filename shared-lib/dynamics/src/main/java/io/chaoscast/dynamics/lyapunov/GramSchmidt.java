package io.chaoscast.dynamics.lyapunov;

/**
 * QR of a set of vectors by modified Gram-Schmidt with one re-orthogonalisation pass ("twice is
 * enough", Giraud et al. 2005), which keeps the columns orthogonal to rounding even when their
 * norms differ by many orders of magnitude, as tangent vectors of a strongly dissipative system do.
 */
final class GramSchmidt {

    private GramSchmidt() {}

    /**
     * Replaces {@code v[0..k-1]} by orthonormal vectors spanning the same nested subspaces and
     * writes the diagonal of R into {@code diag}. Inner products use the first {@code innerLength}
     * entries of each vector only; the remaining entries are carried along by the same linear
     * combinations (the delay estimator keeps node slopes there).
     *
     * <p>A column that is (numerically) in the span of the previous ones gets {@code diag = 0} and is
     * replaced by a unit vector orthogonal to them, so that later columns stay well defined.
     */
    static void orthonormalise(double[][] v, int innerLength, double[] diag) {
        int k = v.length;
        for (int j = 0; j < k; j++) {
            double[] vj = v[j];
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    double c = dot(vj, v[i], innerLength);
                    axpy(-c, v[i], vj);
                }
            }
            double r = Math.sqrt(dot(vj, vj, innerLength));
            if (!(r > 0) || !Double.isFinite(r)) {
                diag[j] = Double.isNaN(r) ? Double.NaN : r;
                replaceByOrthogonalUnit(v, j, innerLength);
                continue;
            }
            diag[j] = r;
            double inv = 1.0 / r;
            for (int e = 0; e < vj.length; e++) {
                vj[e] *= inv;
            }
        }
    }

    private static void replaceByOrthogonalUnit(double[][] v, int j, int innerLength) {
        double[] vj = v[j];
        for (int unit = 0; unit < innerLength; unit++) {
            java.util.Arrays.fill(vj, 0.0);
            vj[unit] = 1.0;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    axpy(-dot(vj, v[i], innerLength), v[i], vj);
                }
            }
            double r = Math.sqrt(dot(vj, vj, innerLength));
            if (r > 1e-3) {
                for (int e = 0; e < vj.length; e++) {
                    vj[e] /= r;
                }
                return;
            }
        }
        throw new IllegalStateException("cannot complete an orthonormal basis of " + v.length + " vectors");
    }

    static double dot(double[] a, double[] b, int length) {
        double s = 0;
        for (int i = 0; i < length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
