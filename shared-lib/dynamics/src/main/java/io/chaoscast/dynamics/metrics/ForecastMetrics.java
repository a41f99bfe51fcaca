package io.chaoscast.dynamics.metrics;

import java.util.Arrays;

/**
 * Error metrics of a forecast against the truth. Both are {@code double[steps][dim]}: row {@code
 * i} is the state {@code i + 1} sampling intervals after the forecast origin. Unless said
 * otherwise a metric pools all steps and all dimensions.
 *
 * <p>Shapes are checked: both arrays must be non-empty, rectangular and of the same shape, and all
 * values finite; otherwise an {@link IllegalArgumentException} names the problem.
 */
public final class ForecastMetrics {

    /** Default sMAPE threshold of the valid prediction time (Gilpin 2021 uses 30 on the 0-200 scale). */
    public static final double DEFAULT_VPT_SMAPE_THRESHOLD = 30.0;

    /** Normalised-error threshold of the NRMSE valid prediction time (Pathak et al. 2018). */
    public static final double DEFAULT_VPT_NRMSE_THRESHOLD = 0.4;

    private ForecastMetrics() {}

    /** Mean squared error over all steps and dimensions. */
    public static double mse(double[][] truth, double[][] forecast) {
        int dim = checkShapes(truth, forecast);
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int d = 0; d < dim; d++) {
                double e = forecast[i][d] - truth[i][d];
                s += e * e;
            }
        }
        return s / ((double) truth.length * dim);
    }

    /** Mean absolute error over all steps and dimensions. */
    public static double mae(double[][] truth, double[][] forecast) {
        int dim = checkShapes(truth, forecast);
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int d = 0; d < dim; d++) {
                s += Math.abs(forecast[i][d] - truth[i][d]);
            }
        }
        return s / ((double) truth.length * dim);
    }

    /** {@code sqrt(mse)}. */
    public static double rmse(double[][] truth, double[][] forecast) {
        return Math.sqrt(mse(truth, forecast));
    }

    /**
     * Normalised RMSE: {@code sqrt(mean over steps and dimensions of ((f - y) / sigma_d)^2)}, where
     * {@code sigma_d} is the population standard deviation of dimension {@code d} of the truth over
     * the forecast horizon. Each dimension's error is thus measured against its own spread, so that
     * a dimension with large values does not dominate. NaN when a dimension of the truth is
     * constant (its spread is zero, so no scale exists).
     */
    public static double nrmse(double[][] truth, double[][] forecast) {
        int dim = checkShapes(truth, forecast);
        double[] std = std(truth, dim);
        double s = 0;
        for (int d = 0; d < dim; d++) {
            if (std[d] == 0) {
                return Double.NaN;
            }
        }
        for (int i = 0; i < truth.length; i++) {
            for (int d = 0; d < dim; d++) {
                double e = (forecast[i][d] - truth[i][d]) / std[d];
                s += e * e;
            }
        }
        return Math.sqrt(s / ((double) truth.length * dim));
    }

    /**
     * Symmetric mean absolute percentage error, the 0-200 form: {@code 200 / N * sum |f - y| / (|f| +
     * |y|)} over the {@code N = steps * dim} entries, with {@code 0 / 0 = 0} (a forecast of exactly
     * 0 for a truth of 0 is perfect). 0 is perfect; 200 is reached when forecast and truth have
     * opposite signs or one of them is 0.
     */
    public static double smape(double[][] truth, double[][] forecast) {
        int dim = checkShapes(truth, forecast);
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            s += stepSmape(truth[i], forecast[i], dim);
        }
        return s / truth.length;
    }

    /**
     * Mean absolute scaled error (Hyndman and Koehler 2006): the forecast's MAE divided by the MAE
     * of the in-sample one-step naive forecast on {@code training} ({@code x_t} predicted by {@code
     * x_{t-1}}), pooled over dimensions. Below 1: better than repeating the last value one step
     * ahead.
     *
     * @param training the series the model saw, {@code double[length >= 2][dim]}, same dimension
     * @throws IllegalArgumentException when the training series is constant (no scale)
     */
    public static double mase(double[][] truth, double[][] forecast, double[][] training) {
        int dim = checkShapes(truth, forecast);
        if (training == null || training.length < 2) {
            throw new IllegalArgumentException(
                    "training must have at least 2 steps, found " + (training == null ? 0 : training.length));
        }
        double naive = 0;
        for (int i = 1; i < training.length; i++) {
            checkRow("training", training, i - 1, dim);
            checkRow("training", training, i, dim);
            for (int d = 0; d < dim; d++) {
                naive += Math.abs(training[i][d] - training[i - 1][d]);
            }
        }
        naive /= (double) (training.length - 1) * dim;
        if (naive == 0) {
            throw new IllegalArgumentException("training is constant: the naive forecast error is 0, MASE is undefined");
        }
        return mae(truth, forecast) / naive;
    }

    /**
     * Coefficient of determination {@code 1 - SS_res / SS_tot}, with {@code SS_tot} the sum of
     * squared deviations of the truth from its per-dimension means (scikit-learn's
     * "variance_weighted" pooling). When the truth is constant ({@code SS_tot = 0}) it is 1 for a
     * perfect forecast and 0 otherwise, as in scikit-learn.
     */
    public static double r2(double[][] truth, double[][] forecast) {
        int dim = checkShapes(truth, forecast);
        double[] mean = mean(truth, dim);
        double res = 0;
        double tot = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int d = 0; d < dim; d++) {
                double e = forecast[i][d] - truth[i][d];
                double c = truth[i][d] - mean[d];
                res += e * e;
                tot += c * c;
            }
        }
        if (tot == 0) {
            return res == 0 ? 1.0 : 0.0;
        }
        return 1 - res / tot;
    }

    /**
     * Pearson correlation between truth and forecast, computed per dimension over the steps and
     * averaged over dimensions. NaN when a dimension of either is constant (correlation undefined).
     */
    public static double pearson(double[][] truth, double[][] forecast) {
        int dim = checkShapes(truth, forecast);
        double s = 0;
        for (int d = 0; d < dim; d++) {
            s += correlation(column(truth, d), column(forecast, d));
        }
        return s / dim;
    }

    /**
     * Spearman rank correlation: Pearson correlation of the ranks (ties get the average of the ranks
     * they span), per dimension, averaged over dimensions. NaN when a dimension is constant.
     */
    public static double spearman(double[][] truth, double[][] forecast) {
        int dim = checkShapes(truth, forecast);
        double s = 0;
        for (int d = 0; d < dim; d++) {
            s += correlation(ranks(column(truth, d)), ranks(column(forecast, d)));
        }
        return s / dim;
    }

    /** {@link #validPredictionTime(double[][], double[][], double, double, double)} at sMAPE 30. */
    public static double validPredictionTime(double[][] truth, double[][] forecast, double dt, double maxLyapunov) {
        return validPredictionTime(truth, forecast, dt, maxLyapunov, DEFAULT_VPT_SMAPE_THRESHOLD);
    }

    /**
     * Valid prediction time in Lyapunov times: {@code k dt lambda_max}, where {@code k} is the index
     * of the first step whose sMAPE across dimensions (0-200 form) exceeds {@code smapeThreshold}.
     * Row {@code i} is the forecast {@code (i + 1) dt} ahead, so {@code k} is the number of steps
     * that were valid before the first failure and {@code k dt} the lead time they cover. When no
     * step exceeds the threshold the whole horizon {@code steps * dt * lambda_max} is returned (the
     * forecast was valid as far as it was checked).
     *
     * @param dt sampling interval of the rows, positive
     * @param maxLyapunov largest Lyapunov exponent of the system, positive (per time unit; per
     *     iteration for maps, with {@code dt = 1})
     * @param smapeThreshold in {@code (0, 200]}
     */
    public static double validPredictionTime(
            double[][] truth, double[][] forecast, double dt, double maxLyapunov, double smapeThreshold) {
        int dim = checkShapes(truth, forecast);
        checkTimeScale(dt, maxLyapunov);
        if (!(smapeThreshold > 0 && smapeThreshold <= 200)) {
            throw new IllegalArgumentException("smapeThreshold must be in (0, 200], found " + smapeThreshold);
        }
        int k = truth.length;
        for (int i = 0; i < truth.length; i++) {
            if (stepSmape(truth[i], forecast[i], dim) > smapeThreshold) {
                k = i;
                break;
            }
        }
        return k * dt * maxLyapunov;
    }

    /**
     * Valid prediction time in the normalised-error form of the reservoir-computing literature
     * (Pathak, Hunt, Girvan, Lu &amp; Ott 2018, PRL 120:024102): {@code k dt lambda_max}, where {@code
     * k} is the index of the first step whose error {@code sqrt(mean_d ((f_d - y_d) / sigma_d)^2)}
     * exceeds {@code threshold} (0.4 in that paper). {@code sigma_d} is the attractor's standard
     * deviation of dimension {@code d} (from a long trajectory, e.g. the training data), not of the
     * truth over the horizon. Unlike sMAPE, this error does not blow up where a coordinate crosses
     * zero: sMAPE compares |f - y| to |f| + |y|, which is small near a zero crossing, so a
     * forecast that is close in units of the attractor can still fail the sMAPE test there.
     *
     * @param attractorStd per-dimension standard deviation of the attractor, positive and finite
     * @param threshold positive, e.g. {@link #DEFAULT_VPT_NRMSE_THRESHOLD}
     */
    public static double validPredictionTimeNrmse(
            double[][] truth, double[][] forecast, double dt, double maxLyapunov, double[] attractorStd, double threshold) {
        int dim = checkShapes(truth, forecast);
        checkTimeScale(dt, maxLyapunov);
        if (attractorStd == null || attractorStd.length != dim) {
            throw new IllegalArgumentException("attractorStd must have " + dim + " entries");
        }
        for (int d = 0; d < dim; d++) {
            if (!(attractorStd[d] > 0) || !Double.isFinite(attractorStd[d])) {
                throw new IllegalArgumentException(
                        "attractorStd[" + d + "] must be positive and finite, found " + attractorStd[d]);
            }
        }
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be positive and finite, found " + threshold);
        }
        int k = truth.length;
        double limit = threshold * threshold * dim;
        for (int i = 0; i < truth.length; i++) {
            double s = 0;
            for (int d = 0; d < dim; d++) {
                double e = (forecast[i][d] - truth[i][d]) / attractorStd[d];
                s += e * e;
            }
            if (s > limit) {
                k = i;
                break;
            }
        }
        return k * dt * maxLyapunov;
    }

    /**
     * Per-dimension population standard deviation over every state of every trajectory: the
     * attractor's spread, the unit of {@link #validPredictionTimeNrmse}.
     */
    public static double[] attractorStd(double[][][] trajectories) {
        if (trajectories == null || trajectories.length == 0 || trajectories[0].length == 0) {
            throw new IllegalArgumentException("need at least one non-empty trajectory");
        }
        int dim = trajectories[0][0].length;
        double[] sum = new double[dim];
        double[] sq = new double[dim];
        long n = 0;
        for (double[][] t : trajectories) {
            for (double[] x : t) {
                for (int d = 0; d < dim; d++) {
                    sum[d] += x[d];
                    sq[d] += x[d] * x[d];
                }
                n++;
            }
        }
        double[] std = new double[dim];
        for (int d = 0; d < dim; d++) {
            double m = sum[d] / n;
            std[d] = Math.sqrt(Math.max(0, sq[d] / n - m * m));
        }
        return std;
    }

    /** The time step and the exponent that turn a step count into Lyapunov times. */
    private static void checkTimeScale(double dt, double maxLyapunov) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be positive and finite, found " + dt);
        }
        if (!(maxLyapunov > 0) || !Double.isFinite(maxLyapunov)) {
            throw new IllegalArgumentException(
                    "maxLyapunov must be positive and finite (a chaotic system), found " + maxLyapunov);
        }
    }

    private static double stepSmape(double[] y, double[] f, int dim) {
        double s = 0;
        for (int d = 0; d < dim; d++) {
            double den = Math.abs(f[d]) + Math.abs(y[d]);
            if (den > 0) {
                s += Math.abs(f[d] - y[d]) / den;
            }
        }
        return 200.0 * s / dim;
    }

    private static double correlation(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) {
            return Double.NaN;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** 1-based ranks, ties averaged. */
    static double[] ranks(double[] x) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(x[i], x[j]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    private static double[] column(double[][] a, int d) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i][d];
        }
        return c;
    }

    private static double[] mean(double[][] a, int dim) {
        double[] m = new double[dim];
        for (double[] row : a) {
            for (int d = 0; d < dim; d++) {
                m[d] += row[d];
            }
        }
        for (int d = 0; d < dim; d++) {
            m[d] /= a.length;
        }
        return m;
    }

    private static double[] std(double[][] a, int dim) {
        double[] m = mean(a, dim);
        double[] s = new double[dim];
        for (double[] row : a) {
            for (int d = 0; d < dim; d++) {
                double c = row[d] - m[d];
                s[d] += c * c;
            }
        }
        for (int d = 0; d < dim; d++) {
            s[d] = Math.sqrt(s[d] / a.length);
        }
        return s;
    }

    private static int checkShapes(double[][] truth, double[][] forecast) {
        if (truth == null || forecast == null || truth.length == 0) {
            throw new IllegalArgumentException("truth and forecast must be non-empty");
        }
        if (truth.length != forecast.length) {
            throw new IllegalArgumentException(
                    "truth has " + truth.length + " steps but forecast has " + forecast.length);
        }
        int dim = truth[0] == null ? 0 : truth[0].length;
        if (dim == 0) {
            throw new IllegalArgumentException("states must have at least one dimension");
        }
        for (int i = 0; i < truth.length; i++) {
            checkRow("truth", truth, i, dim);
            checkRow("forecast", forecast, i, dim);
        }
        return dim;
    }

    private static void checkRow(String name, double[][] a, int i, int dim) {
        if (a[i] == null || a[i].length != dim) {
            throw new IllegalArgumentException(
                    name + "[" + i + "] has " + (a[i] == null ? 0 : a[i].length) + " dimensions, expected " + dim);
        }
        for (int d = 0; d < dim; d++) {
            if (!Double.isFinite(a[i][d])) {
                throw new IllegalArgumentException(name + "[" + i + "][" + d + "] must be finite, found " + a[i][d]);
            }
        }
    }
}
