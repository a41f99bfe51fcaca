package io.chaoscast.models.earlyexit;

import io.chaoscast.models.baselines.FeatureSpec;
import io.chaoscast.models.baselines.RidgeStepForecaster;
import io.chaoscast.models.data.Standardization;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.Arrays;

/**
 * The closed-form base model of a residual early-exit network (a hybrid in the spirit of
 * physics-informed ML): a ridge one-step model (NVAR) rolled out for {@code horizon} states from
 * the same context the network reads. The network sees that forecast and its exits predict only
 * the correction, so exit 1 starts as the base model and deeper blocks are needed only where the
 * base is wrong.
 *
 * @param features the base model's feature map
 * @param weights its ridge readout {@code [features][dimension]}
 * @param alpha the ridge penalty chosen on validation data (for the record)
 * @param inputScale {@code [horizon * dimension]}: the base forecast enters the network as
 *     standardised increments from the last context state divided by these (the RMS standardised
 *     increment of the training data), so its inputs are of order one
 */
public record ResidualBase(FeatureSpec features, double[][] weights, double alpha, double[] inputScale) {

    /** Bound on standardised base forecasts (states are of order one; the attractor lies within a few units). */
    static final double CLAMP = 50;

    public ResidualBase {
        if (features == null || weights == null || inputScale == null) {
            throw new IllegalArgumentException("features, weights and inputScale are required");
        }
    }

    static ResidualBase of(RidgeStepForecaster model, double[] inputScale) {
        return new ResidualBase(model.features(), model.weights(), model.alpha(), inputScale.clone());
    }

    /** The base model as a forecaster (raw units). */
    public RidgeStepForecaster model() {
        return new RidgeStepForecaster(features.kind(), features, weights, alpha);
    }

    /** States of history the base model reads. */
    int window() {
        return model().spec().contextLength();
    }

    /**
     * The base forecast of {@code horizon} states after each context, standardised.
     *
     * <p>A row whose states are no longer finite (the network's own rollout overflowed, fed back
     * as context) gets a NaN forecast, so that its own forecast ends NaN and its caller can tell;
     * the other rows of the batch are forecast as they would be alone. (The base model refuses
     * non-finite contexts, and one such row used to fail every row of the batch.)
     *
     * @param model {@link #model()}, built once by the caller
     * @param states standardised states per row
     * @param ends index of each row's last context state
     */
    static double[][][] forecast(
            RidgeStepForecaster model, Standardization norm, double[][][] states, int[] ends, int horizon) {
        int w = model.spec().contextLength();
        int d = norm.dimension();
        int rows = states.length;
        double[][][] ctx = new double[rows][w][d];
        boolean[] overflowed = new boolean[rows];
        int finite = 0;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < w; k++) {
                double[] x = states[r][ends[r] - w + 1 + k];
                for (int j = 0; j < d; j++) {
                    double v = norm.invert(j, x[j]);
                    ctx[r][k][j] = v;
                    overflowed[r] |= !Double.isFinite(v);
                }
            }
            finite += overflowed[r] ? 0 : 1;
        }
        double[][][] f = finite == rows
                ? model.forecast(ctx, horizon, ExitPolicy.full()).forecasts()
                : forecastFinite(model, ctx, overflowed, finite, horizon, d);
        for (double[][] row : f) {
            for (double[] x : row) {
                for (int j = 0; j < d; j++) {
                    // A diverged base rollout must not turn the network input into inf/NaN (an
                    // overflowed row's NaN stays NaN).
                    x[j] = Math.max(-CLAMP, Math.min(CLAMP, norm.apply(j, x[j])));
                }
            }
        }
        return f;
    }

    /** The forecast of the finite rows; the others are NaN. */
    private static double[][][] forecastFinite(
            RidgeStepForecaster model, double[][][] ctx, boolean[] overflowed, int finite, int horizon, int d) {
        double[][][] ok = new double[finite][][];
        for (int r = 0, k = 0; r < ctx.length; r++) {
            if (!overflowed[r]) {
                ok[k++] = ctx[r];
            }
        }
        double[][][] fo = finite == 0 ? ok : model.forecast(ok, horizon, ExitPolicy.full()).forecasts();
        double[][][] f = new double[ctx.length][][];
        for (int r = 0, k = 0; r < ctx.length; r++) {
            if (overflowed[r]) {
                f[r] = new double[horizon][d];
                for (double[] x : f[r]) {
                    Arrays.fill(x, Double.NaN);
                }
            } else {
                f[r] = fo[k++];
            }
        }
        return f;
    }

    /** Writes the base forecast as scaled increments from {@code last}, {@code horizon * dimension} floats. */
    void encode(double[][] baseStd, double[] last, float[] out, int offset) {
        int d = last.length;
        for (int k = 0; k < baseStd.length; k++) {
            for (int j = 0; j < d; j++) {
                out[offset + k * d + j] = (float) ((baseStd[k][j] - last[j]) / inputScale[k * d + j]);
            }
        }
    }
}
