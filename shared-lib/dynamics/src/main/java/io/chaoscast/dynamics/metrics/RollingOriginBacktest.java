package io.chaoscast.dynamics.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Rolling-origin evaluation (Tashman, "Out-of-sample tests of forecasting accuracy: an analysis and
 * review", Int. J. Forecasting 16, 2000): forecast from many origins spread evenly across a held-out
 * series, each from the true states before it, keep every origin's metrics, and report each metric
 * with a bootstrap confidence interval over the origins.
 */
public final class RollingOriginBacktest {

    /** A model as the backtest sees it: a batch of contexts in, a batch of forecasts out. */
    @FunctionalInterface
    public interface BatchForecast {
        /**
         * @param contexts {@code [batch][contextLength][dimension]}, oldest state first
         * @return {@code [batch][horizon][dimension]}
         */
        double[][][] forecast(double[][][] contexts, int horizon);
    }

    /**
     * @param origins most origins; fewer when the series is short
     * @param metricSteps steps over which MSE, MAE and sMAPE are taken (e.g. one Lyapunov time)
     * @param dt sampling interval
     * @param maxLyapunov largest Lyapunov exponent, for VPT in Lyapunov times
     */
    public record Settings(int origins, int contextLength, int horizon, int metricSteps, double dt, double maxLyapunov) {

        public Settings {
            if (origins < 1 || contextLength < 1 || horizon < 1 || metricSteps < 1 || metricSteps > horizon) {
                throw new IllegalArgumentException("need origins, contextLength, horizon >= 1 and 1 <= metricSteps <= horizon, found "
                        + origins + ", " + contextLength + ", " + horizon + ", " + metricSteps);
            }
        }
    }

    /** One origin's metrics; {@code start} is the index of the first forecast state. */
    public record Origin(int start, double mse, double mae, double smape, double vpt) {}

    /** Every origin, and per metric its bootstrap interval over the origins. */
    public record Report(List<Origin> origins, Map<String, BootstrapInterval> intervals) {}

    static final Map<String, ToDoubleFunction<Origin>> METRICS = metrics();

    private RollingOriginBacktest() {}

    /** The origin starts: evenly spaced, first after one context, last with room for the horizon. */
    static int[] starts(int length, Settings s) {
        int first = s.contextLength();
        int last = length - s.horizon();
        if (last < first) {
            throw new IllegalArgumentException("the series (" + length + " states) is shorter than context + horizon ("
                    + (s.contextLength() + s.horizon()) + ")");
        }
        int n = Math.min(s.origins(), last - first + 1);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = n == 1 ? first : first + (int) Math.round(i * (last - first) / (double) (n - 1));
        }
        return out;
    }

    public static Report run(double[][] series, Settings s, BatchForecast model) {
        int[] starts = starts(series.length, s);
        double[][][] contexts = new double[starts.length][][];
        for (int i = 0; i < starts.length; i++) {
            contexts[i] = Arrays.copyOfRange(series, starts[i] - s.contextLength(), starts[i]);
        }
        double[][][] forecasts = model.forecast(contexts, s.horizon());
        List<Origin> origins = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            double[][] truth = Arrays.copyOfRange(series, starts[i], starts[i] + s.horizon());
            double[][] f = forecasts[i];
            double[][] t1 = Arrays.copyOf(truth, s.metricSteps());
            double[][] f1 = Arrays.copyOf(f, s.metricSteps());
            origins.add(new Origin(starts[i], ForecastMetrics.mse(t1, f1), ForecastMetrics.mae(t1, f1), ForecastMetrics.smape(t1, f1),
                    ForecastMetrics.validPredictionTime(truth, f, s.dt(), s.maxLyapunov())));
        }
        Map<String, BootstrapInterval> intervals = new LinkedHashMap<>();
        long seed = 0;
        for (var m : METRICS.entrySet()) {
            double[] values = origins.stream().mapToDouble(m.getValue()).filter(Double::isFinite).toArray();
            intervals.put(m.getKey(), BootstrapInterval.of(values, seed++));
        }
        return new Report(origins, intervals);
    }

    private static Map<String, ToDoubleFunction<Origin>> metrics() {
        Map<String, ToDoubleFunction<Origin>> m = new LinkedHashMap<>();
        m.put("mse", Origin::mse);
        m.put("mae", Origin::mae);
        m.put("smape", Origin::smape);
        m.put("vpt", Origin::vpt);
        return m;
    }
}
