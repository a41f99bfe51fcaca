package io.chaoscast.dynamics.metrics;

/**
 * Error of a forecast's power spectrum: the Hellinger distance between the normalised, smoothed
 * power spectra of forecast and truth, per coordinate, averaged over coordinates (the D_H of Hess,
 * Monfared, Brenner and Durstewitz, "Generalized teacher forcing for learning chaotic dynamics",
 * ICML 2023). 0 for identical spectra, 1 for spectra with disjoint support; a rollout that keeps
 * the attractor's time scales scores low even after it lost the phase.
 */
public final class PowerSpectrumDistance {

    /** Standard deviation, in frequency bins, of the Gaussian that smooths each periodogram. */
    static final double SMOOTHING_BINS = 2.0;

    private PowerSpectrumDistance() {}

    /** Mean over coordinates; 1 (the maximum) when the forecast holds a non-finite value. */
    public static double of(double[][] truth, double[][] forecast) {
        int d = truth[0].length;
        double total = 0;
        for (int k = 0; k < d; k++) {
            total += hellinger(spectrum(WassersteinDistance.column(truth, k)), spectrum(WassersteinDistance.column(forecast, k)));
        }
        return total / d;
    }

    static double hellinger(double[] p, double[] q) {
        if (p == null || q == null) {
            return 1;
        }
        int n = Math.min(p.length, q.length);
        double bc = 0;
        for (int i = 0; i < n; i++) {
            bc += Math.sqrt(p[i] * q[i]);
        }
        return Math.sqrt(Math.max(0, 1 - bc));
    }

    /**
     * The periodogram of the mean-removed series over its largest power-of-two prefix, smoothed and
     * normalised to sum 1; null when the series is constant or holds a non-finite value.
     */
    static double[] spectrum(double[] series) {
        int n = Integer.highestOneBit(Math.max(1, series.length));
        if (n < 8) {
            throw new IllegalArgumentException("a power spectrum needs at least 8 points, found " + series.length);
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(series[i])) {
                return null;
            }
            mean += series[i] / n;
        }
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = series[i] - mean;
        }
        fft(re, im);
        int half = n / 2 + 1;
        double[] power = new double[half];
        for (int i = 0; i < half; i++) {
            power[i] = re[i] * re[i] + im[i] * im[i];
        }
        double[] smooth = smooth(power);
        double sum = 0;
        for (double v : smooth) {
            sum += v;
        }
        if (!(sum > 0)) {
            return null;
        }
        for (int i = 0; i < smooth.length; i++) {
            smooth[i] /= sum;
        }
        return smooth;
    }

    private static double[] smooth(double[] power) {
        int radius = (int) Math.ceil(3 * SMOOTHING_BINS);
        double[] out = new double[power.length];
        for (int i = 0; i < power.length; i++) {
            double s = 0;
            double w = 0;
            for (int j = Math.max(0, i - radius); j <= Math.min(power.length - 1, i + radius); j++) {
                double g = Math.exp(-0.5 * (i - j) * (i - j) / (SMOOTHING_BINS * SMOOTHING_BINS));
                s += g * power[j];
                w += g;
            }
            out[i] = s / w;
        }
        return out;
    }

    /** In-place iterative radix-2 Cooley-Tukey FFT; the length must be a power of two. */
    static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            double wr = Math.cos(angle);
            double wi = Math.sin(angle);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci;
                    double xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                    double nr = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = nr;
                }
            }
        }
    }
}
