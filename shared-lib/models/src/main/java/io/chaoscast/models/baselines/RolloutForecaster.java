package io.chaoscast.models.baselines;

import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.ForecasterSpec;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.Arrays;

/**
 * A baseline that predicts one step at a time and feeds its output back. It has a single "block"
 * per step, so exit policies do not apply: every pass has depth 1 and no uncertainty.
 */
public abstract class RolloutForecaster implements Forecaster {

    /**
     * @param context exactly {@code contextLength} states, oldest first
     * @return {@code [horizon][dimension]}
     */
    protected abstract double[][] rollout(double[][] context, int horizon);

    /**
     * Every row's rollout; a forecaster that can roll a batch out faster than row by row overrides
     * this, with the same results.
     *
     * @param contexts per row exactly {@code contextLength} states, oldest first
     * @return {@code [row][horizon][dimension]}
     */
    protected double[][][] rollouts(double[][][] contexts, int horizon) {
        double[][][] out = new double[contexts.length][][];
        for (int b = 0; b < contexts.length; b++) {
            out[b] = rollout(contexts[b], horizon);
        }
        return out;
    }

    @Override
    public final ForecastResult forecast(double[][][] contexts, int horizon, ExitPolicy policy) {
        ForecasterSpec spec = spec();
        Forecaster.checkContexts(spec, contexts, horizon);
        int batch = contexts.length;
        int[][] depths = new int[batch][horizon];
        double[][] u = new double[batch][horizon];
        double[][][] last = new double[batch][][];
        for (int b = 0; b < batch; b++) {
            double[][] c = contexts[b];
            last[b] = Arrays.copyOfRange(c, c.length - spec.contextLength(), c.length);
            Arrays.fill(depths[b], 1);
            Arrays.fill(u[b], Double.NaN);
        }
        double[][][] out = rollouts(last, horizon);
        long evals = (long) batch * horizon;
        return new ForecastResult(out, depths, u, evals, evals);
    }
}
