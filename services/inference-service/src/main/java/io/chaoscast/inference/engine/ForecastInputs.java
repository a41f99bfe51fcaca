package io.chaoscast.inference.engine;

import io.chaoscast.models.Forecaster;
import io.chaoscast.models.ForecasterSpec;
import io.chaoscast.models.baselines.EchoStateNetwork;
import io.chaoscast.models.baselines.RidgeStepForecaster;
import io.chaoscast.models.data.Standardization;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import java.util.Locale;

/**
 * Checks a request's contexts and horizon against a model and the limits, naming the field at
 * fault, and a forecast's numbers before they are answered.
 */
public final class ForecastInputs {

    private ForecastInputs() {}

    /**
     * The per-dimension mean and standard deviation of the data a model was trained on, as its
     * artifact records them: the early-exit network's and the echo state network's standardisation,
     * a ridge model's input standardisation; null for models that record none (persistence, linear
     * autoregression, NVAR fitted on raw states).
     */
    public static Standardization trainingScale(Forecaster forecaster) {
        if (forecaster instanceof EarlyExitForecaster ee) {
            return ee.modelSpec().standardization();
        }
        if (forecaster instanceof EchoStateNetwork esn) {
            return esn.standardization();
        }
        if (forecaster instanceof RidgeStepForecaster r) {
            return r.features().inputs();
        }
        return null;
    }

    /**
     * @param scale the model's {@link #trainingScale}, or null: without one, context values are
     *     only checked to be finite
     * @param field the request field holding the contexts: {@code context} (one context, reported
     *     as {@code context[t][j]}) or {@code contexts} (reported as {@code contexts[b][t][j]})
     */
    public static void check(
            ForecasterSpec spec,
            Standardization scale,
            double[][][] contexts,
            int horizon,
            ServingLimits limits,
            String field) {
        boolean single = field.equals("context");
        if (horizon < 1 || horizon > limits.maxHorizon()) {
            throw new InvalidForecastException(
                    "horizon", "horizon must be between 1 and " + limits.maxHorizon() + ", found " + horizon);
        }
        if (contexts == null || contexts.length == 0) {
            throw new InvalidForecastException(field, field + " is required: at least one context");
        }
        if (!single && contexts.length > limits.maxBatchContexts()) {
            throw new InvalidForecastException(
                    field,
                    field + " may hold between 1 and " + limits.maxBatchContexts() + " contexts, found "
                            + contexts.length);
        }
        long values = (long) contexts.length * horizon * spec.dimension();
        if (values > limits.maxOutputValues()) {
            throw new InvalidForecastException("horizon", "the answer would hold " + contexts.length + " contexts x horizon "
                    + horizon + " x dimension " + spec.dimension() + " = " + values + " numbers; at most "
                    + limits.maxOutputValues() + " are served per request (ask for a shorter horizon or fewer contexts)");
        }
        for (int b = 0; b < contexts.length; b++) {
            double[][] c = contexts[b];
            String name = single ? field : field + "[" + b + "]";
            int rows = c == null ? 0 : c.length;
            if (rows < spec.contextLength() || rows > limits.maxContextRows()) {
                throw new InvalidForecastException(
                        name,
                        name + " must hold between " + spec.contextLength() + " and " + limits.maxContextRows()
                                + " states (the model reads the last " + spec.contextLength() + "), found " + rows);
            }
            // The states the model reads; those before them are ignored and only checked to be finite.
            int read = rows - spec.contextLength();
            for (int t = 0; t < rows; t++) {
                double[] s = c[t];
                String row = name + "[" + t + "]";
                if (s == null || s.length != spec.dimension()) {
                    throw new InvalidForecastException(
                            row,
                            row + " must have dimension " + spec.dimension() + ", found "
                                    + (s == null ? 0 : s.length));
                }
                for (int j = 0; j < s.length; j++) {
                    if (!Double.isFinite(s[j])) {
                        String cell = row + "[" + j + "]";
                        throw new InvalidForecastException(
                                cell, cell + " must be a finite number, found " + s[j]);
                    }
                    if (scale != null && t >= read) {
                        checkRange(scale, s[j], j, limits.maxContextDeviation(), row + "[" + j + "]");
                    }
                }
            }
        }
    }

    private static void checkRange(Standardization scale, double v, int j, double maxDeviation, String cell) {
        double mean = scale.mean()[j];
        double std = scale.std()[j];
        double deviation = Math.abs(v - mean) / std;
        if (!(deviation <= maxDeviation)) {
            throw new InvalidForecastException(
                    cell,
                    cell + " is " + v + ", " + number(deviation) + " standard deviations from the mean of the data the"
                            + " model was trained on (dimension " + j + ": mean " + number(mean) + ", standard deviation "
                            + number(std) + "); at most " + number(maxDeviation) + " are accepted, between "
                            + number(mean - maxDeviation * std) + " and " + number(mean + maxDeviation * std)
                            + ": the model cannot forecast from states this far outside the range it was trained on");
        }
    }

    /**
     * Refuses a forecast that overflowed: a rollout can leave the range of floating-point numbers
     * (the models library returns NaN, or {@code Double.MAX_VALUE} for a diverged ridge or echo
     * state rollout), and such numbers are no forecast. Only the request whose contexts they came
     * from is refused; the rows of other requests in the same batch are computed independently.
     *
     * @param forecasts {@code [context][horizon][dimension]}
     * @param field as for {@link #check}: the fault is reported as {@code context} or {@code contexts[b]}
     */
    public static void checkForecasts(double[][][] forecasts, String field) {
        boolean single = field.equals("context");
        for (int b = 0; b < forecasts.length; b++) {
            double[][] f = forecasts[b];
            for (int k = 0; k < f.length; k++) {
                for (double v : f[k]) {
                    if (!(Math.abs(v) < Double.MAX_VALUE)) {
                        String name = single ? field : field + "[" + b + "]";
                        throw new InvalidForecastException(name, overflow(name, k, f.length));
                    }
                }
            }
        }
    }

    private static String overflow(String name, int step, int horizon) {
        String what = "the forecast from " + name + " overflowed at step " + (step + 1) + " of " + horizon
                + " (the model's rollout left the range of floating-point numbers): ";
        return step == 0
                ? what + "the model cannot forecast from these states; send states closer to the data it was trained on"
                : what + "the model cannot forecast this far from these states; ask for a horizon of at most " + step
                        + ", or send states closer to the data it was trained on";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
