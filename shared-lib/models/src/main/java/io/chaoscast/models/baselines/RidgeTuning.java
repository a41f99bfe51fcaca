package io.chaoscast.models.baselines;

import io.chaoscast.models.Forecaster;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.function.DoubleFunction;

/**
 * Chooses a ridge penalty by the error of short free-running rollouts on validation data, which
 * is what a forecaster is used for; one-step error tends to prefer penalties that are too small
 * for stable rollouts.
 */
public final class RidgeTuning {

    /** Penalties tried by default: 1e-10 to 1e1, one per decade and a half-decade between. */
    public static final double[] DEFAULT_ALPHAS = grid(-10, 1);

    private RidgeTuning() {}

    static double[] grid(int fromExp, int toExp) {
        double[] g = new double[2 * (toExp - fromExp) + 1];
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.pow(10, fromExp + i * 0.5);
        }
        return g;
    }

    /**
     * @param build builds the forecaster for one penalty; may throw IllegalStateException when
     *     the penalty is too small to solve
     * @param validation trajectories the score is computed on
     * @param horizon rollout length scored
     * @param origins number of rollout origins, spread evenly over the validation trajectories
     */
    public static <F extends Forecaster> F best(
            double[] alphas, DoubleFunction<F> build, double[][][] validation, int horizon, int origins) {
        F best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (double a : alphas) {
            F f;
            try {
                f = build.apply(a);
            } catch (IllegalStateException e) {
                continue;
            }
            double score = rolloutMse(f, validation, horizon, origins);
            if (score < bestScore || best == null) {
                bestScore = score;
                best = f;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no ridge penalty gave a solvable system; data may be degenerate");
        }
        return best;
    }

    /** Mean squared error of free rollouts, with non-finite errors counted as infinite. */
    public static double rolloutMse(Forecaster f, double[][][] trajectories, int horizon, int origins) {
        int l = f.spec().contextLength();
        double[][][] ctx = new double[origins][][];
        double[][][] truth = new double[origins][][];
        int made = 0;
        int perTraj = Math.max(1, (origins + trajectories.length - 1) / trajectories.length);
        for (double[][] traj : trajectories) {
            int span = traj.length - l - horizon;
            if (span < 0) {
                continue;
            }
            for (int k = 0; k < perTraj && made < origins; k++) {
                int start = (int) ((long) span * k / perTraj);
                ctx[made] = java.util.Arrays.copyOfRange(traj, start, start + l);
                truth[made] = java.util.Arrays.copyOfRange(traj, start + l, start + l + horizon);
                made++;
            }
        }
        if (made == 0) {
            throw new IllegalArgumentException(
                    "validation trajectories are shorter than context + horizon = " + (l + horizon));
        }
        ctx = java.util.Arrays.copyOf(ctx, made);
        double[][][] pred = f.forecast(ctx, horizon, ExitPolicy.full()).forecasts();
        double sum = 0;
        long n = 0;
        for (int b = 0; b < made; b++) {
            for (int h = 0; h < horizon; h++) {
                for (int j = 0; j < pred[b][h].length; j++) {
                    double e = pred[b][h][j] - truth[b][h][j];
                    sum += e * e;
                    n++;
                }
            }
        }
        double mse = sum / n;
        return Double.isFinite(mse) ? mse : Double.POSITIVE_INFINITY;
    }

    /**
     * Like {@link #best} but scores a penalty by what a chaotic forecast is judged by: the
     * median number of steps free rollouts from {@code origins} validation origins stay within
     * sMAPE 30 of the truth (ties: the larger mean). Rollout mean squared error over a fixed
     * horizon is dominated by the origins that already diverged, and one-step error prefers
     * penalties too small for stable rollouts.
     *
     * @param rolloutSteps longest rollout scored; cut to what the validation trajectories hold
     */
    public static <F extends Forecaster> F bestByValidSteps(
            double[] alphas, DoubleFunction<F> build, double[][][] validation, int rolloutSteps, int origins) {
        return bestByValidStepsScored(alphas, build, validation, rolloutSteps, origins).model();
    }

    /** A model and its validation score: median and mean valid steps of free rollouts. */
    public record Scored<F>(F model, double medianSteps, double meanSteps) {
        /** Whether this score beats {@code other}: a larger median, or the same median and a larger mean. */
        public boolean beats(Scored<?> other) {
            return other == null
                    || medianSteps > other.medianSteps
                    || (medianSteps == other.medianSteps && meanSteps > other.meanSteps);
        }
    }

    /** {@link #bestByValidSteps} with the winner's score. */
    public static <F extends Forecaster> Scored<F> bestByValidStepsScored(
            double[] alphas, DoubleFunction<F> build, double[][][] validation, int rolloutSteps, int origins) {
        Scored<F> best = null;
        for (double a : alphas) {
            F f;
            try {
                f = build.apply(a);
            } catch (IllegalStateException e) {
                continue;
            }
            Scored<F> s = score(f, validation, rolloutSteps, origins);
            if (best == null || s.beats(best)) {
                best = s;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no ridge penalty gave a solvable system; data may be degenerate");
        }
        return best;
    }

    /** Median and mean valid steps (sMAPE 30) of free rollouts from {@code origins} validation origins. */
    public static <F extends Forecaster> Scored<F> score(F f, double[][][] validation, int rolloutSteps, int origins) {
        double[] steps = validSteps(f, validation, rolloutSteps, origins);
        double median = io.chaoscast.dynamics.metrics.Median.of(steps);
        double mean = java.util.Arrays.stream(steps).average().orElse(0);
        return new Scored<>(f, median, mean);
    }

    /** Valid steps (sMAPE 30 across dimensions) of free rollouts from evenly spread origins. */
    static double[] validSteps(Forecaster f, double[][][] trajectories, int rolloutSteps, int origins) {
        return validStepsBothForms(f, trajectories, rolloutSteps, origins, null).smape();
    }

    /**
     * Valid steps per origin of the same free rollouts in both forms: sMAPE 30 and, when {@code
     * attractorStd} is given, NRMSE 0.4 (else {@code nrmse} is null); and each rollout's mean
     * squared error over the whole horizon, per coordinate in units of the attractor's standard
     * deviation (raw units without it; +infinity for a rollout that overflowed), or null where not
     * measured. Two forecasters whose rollouts all stay valid to the horizon's end tie on valid
     * steps; the error along the way still tells them apart.
     */
    public record ValidSteps(double[] smape, double[] nrmse, double[] error) {

        public ValidSteps(double[] smape, double[] nrmse) {
            this(smape, nrmse, null);
        }
    }

    /** {@link #validSteps} in both VPT forms from one set of rollouts. */
    public static ValidSteps validStepsBothForms(
            Forecaster f, double[][][] trajectories, int rolloutSteps, int origins, double[] attractorStd) {
        int l = f.spec().contextLength();
        int longest = 0;
        for (double[][] t : trajectories) {
            longest = Math.max(longest, t.length - l);
        }
        int horizon = Math.min(rolloutSteps, longest);
        if (horizon < 1) {
            throw new IllegalArgumentException("validation trajectories are shorter than the context " + l + " + 1");
        }
        java.util.List<double[][]> ctx = new java.util.ArrayList<>();
        java.util.List<double[][]> truth = new java.util.ArrayList<>();
        int perTraj = Math.max(1, (origins + trajectories.length - 1) / trajectories.length);
        for (double[][] traj : trajectories) {
            int span = traj.length - l - horizon;
            if (span < 0) {
                continue;
            }
            for (int k = 0; k < perTraj && ctx.size() < origins; k++) {
                int start = (int) ((long) span * k / perTraj);
                ctx.add(java.util.Arrays.copyOfRange(traj, start, start + l));
                truth.add(java.util.Arrays.copyOfRange(traj, start + l, start + l + horizon));
            }
        }
        double[][][] pred = f.forecast(ctx.toArray(new double[0][][]), horizon, ExitPolicy.full()).forecasts();
        double[] smape = new double[pred.length];
        double[] nrmse = attractorStd == null ? null : new double[pred.length];
        double[] error = new double[pred.length];
        for (int b = 0; b < pred.length; b++) {
            error[b] = meanSquaredError(truth.get(b), pred[b], attractorStd);
            smape[b] = io.chaoscast.dynamics.metrics.ForecastMetrics.validPredictionTime(truth.get(b), pred[b], 1, 1);
            if (nrmse != null) {
                nrmse[b] = io.chaoscast.dynamics.metrics.ForecastMetrics.validPredictionTimeNrmse(
                        truth.get(b), pred[b], 1, 1, attractorStd,
                        io.chaoscast.dynamics.metrics.ForecastMetrics.DEFAULT_VPT_NRMSE_THRESHOLD);
            }
        }
        return new ValidSteps(smape, nrmse, error);
    }

    private static double meanSquaredError(double[][] truth, double[][] pred, double[] scale) {
        double sum = 0;
        for (int t = 0; t < truth.length; t++) {
            for (int j = 0; j < truth[t].length; j++) {
                double z = (pred[t][j] - truth[t][j]) / (scale == null ? 1 : scale[j]);
                sum += z * z;
            }
        }
        double mse = sum / ((double) truth.length * truth[0].length);
        return Double.isNaN(mse) ? Double.POSITIVE_INFINITY : mse;
    }
}
