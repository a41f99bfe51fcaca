package io.chaoscast.inference.engine;

import io.chaoscast.models.ForecasterSpec;

/** Checks a request's contexts and horizon against a model and the limits, naming the field at fault. */
public final class ForecastInputs {

    private ForecastInputs() {}

    /**
     * @param field the request field holding the contexts: {@code context} (one context, reported
     *     as {@code context[t][j]}) or {@code contexts} (reported as {@code contexts[b][t][j]})
     */
    public static void check(
            ForecasterSpec spec, double[][][] contexts, int horizon, ServingLimits limits, String field) {
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
                }
            }
        }
    }
}
