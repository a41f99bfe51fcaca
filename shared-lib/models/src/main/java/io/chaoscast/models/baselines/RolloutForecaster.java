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

    @Override
    public final ForecastResult forecast(double[][][] contexts, int horizon, ExitPolicy policy) {
        ForecasterSpec spec = spec();
        Forecaster.checkContexts(spec, contexts, horizon);
        int batch = contexts.length;
        double[][][] out = new double[batch][][];
        int[][] depths = new int[batch][horizon];
        double[][] u = new double[batch][horizon];
        for (int b = 0; b < batch; b++) {
            double[][] c = contexts[b];
            out[b] = rollout(Arrays.copyOfRange(c, c.length - spec.contextLength(), c.length), horizon);
            Arrays.fill(depths[b], 1);
            Arrays.fill(u[b], Double.NaN);
        }
        long evals = (long) batch * horizon;
        return new ForecastResult(out, depths, u, evals, evals);
    }
}
