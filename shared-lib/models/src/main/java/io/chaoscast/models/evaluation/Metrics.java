package io.chaoscast.models.evaluation;

/**
 * Forecast error measures over {@code [time][dimension]} arrays. sMAPE is the symmetric form on
 * 0–200 (dysts, Makridakis 1993); VPT follows dysts: the first time the per-step sMAPE exceeds a
 * threshold, in Lyapunov times.
 *
 * <p>Kept local until {@code io.chaoscast.dynamics.metrics.ForecastMetrics} lands; same
 * definitions.
 */
public final class Metrics {

    /** dysts' default sMAPE threshold for valid prediction time. */
    public static final double DEFAULT_VPT_SMAPE_THRESHOLD = 30;

    private Metrics() {}

    public static double mse(double[][] truth, double[][] forecast, int steps) {
        double s = 0;
        long n = 0;
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < truth[t].length; j++) {
                double e = forecast[t][j] - truth[t][j];
                s += e * e;
                n++;
            }
        }
        return s / n;
    }

    public static double mae(double[][] truth, double[][] forecast, int steps) {
        double s = 0;
        long n = 0;
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < truth[t].length; j++) {
                s += Math.abs(forecast[t][j] - truth[t][j]);
                n++;
            }
        }
        return s / n;
    }

    /** Symmetric MAPE in [0, 200]; a term with both values zero counts as 0. */
    public static double smape(double[][] truth, double[][] forecast, int steps) {
        double s = 0;
        for (int t = 0; t < steps; t++) {
            s += stepSmape(truth[t], forecast[t]);
        }
        return s / steps;
    }

    static double stepSmape(double[] y, double[] f) {
        double s = 0;
        for (int j = 0; j < y.length; j++) {
            double den = Math.abs(y[j]) + Math.abs(f[j]);
            s += den == 0 ? 0 : 200 * Math.abs(f[j] - y[j]) / den;
        }
        return s / y.length;
    }

    /**
     * @return time, in Lyapunov times ({@code t * maxLyapunov}), before the first step whose
     *     sMAPE exceeds {@code smapeThreshold}; the whole horizon when none does
     */
    public static double validPredictionTime(
            double[][] truth, double[][] forecast, double dt, double maxLyapunov, double smapeThreshold) {
        int steps = Math.min(truth.length, forecast.length);
        for (int t = 0; t < steps; t++) {
            double s = stepSmape(truth[t], forecast[t]);
            if (!(s <= smapeThreshold)) {
                return t * dt * maxLyapunov;
            }
        }
        return steps * dt * maxLyapunov;
    }
}
