package io.chaoscast.models.evaluation;

import io.chaoscast.dynamics.metrics.ForecastMetrics;
import io.chaoscast.dynamics.metrics.Median;
import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.calibration.CalibrationTable;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.earlyexit.ThresholdCalibrator;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Evaluates a forecaster on a test split: free rollouts from many origins under each exit policy,
 * with MSE, MAE, sMAPE, valid prediction time, depth and compute; for an early-exit network also
 * every exit on its own ({@code fixed:i}), its calibrated policy and the oracle depth.
 */
public final class ForecastEvaluator {

    private final EvaluationSettings settings;

    public ForecastEvaluator(EvaluationSettings settings) {
        this.settings = settings;
    }

    /** Origins and their truths: {@code [0]} contexts, {@code [1]} truths. */
    public double[][][][] origins(double[][][] test) {
        int l = settings.contextLength();
        int h = settings.rolloutSteps();
        List<double[][]> ctx = new ArrayList<>();
        List<double[][]> truth = new ArrayList<>();
        int usable = 0;
        for (double[][] t : test) {
            if (t.length >= l + h) {
                usable++;
            }
        }
        if (usable == 0) {
            throw new IllegalArgumentException(
                    "test trajectories must hold at least contextLength + rolloutSteps = " + (l + h) + " states");
        }
        int per = (settings.origins() + usable - 1) / usable;
        for (double[][] t : test) {
            int span = t.length - l - h;
            if (span < 0) {
                continue;
            }
            // No more origins than distinct start positions: a repeated origin would weigh one
            // forecast many times in every median and mean.
            int here = Math.min(per, span + 1);
            for (int k = 0; k < here && ctx.size() < settings.origins(); k++) {
                int s = here == 1 ? 0 : (int) ((long) span * k / (here - 1));
                ctx.add(Arrays.copyOfRange(t, s, s + l));
                truth.add(Arrays.copyOfRange(t, s + l, s + l + h));
            }
        }
        return new double[][][][] {ctx.toArray(double[][][]::new), truth.toArray(double[][][]::new)};
    }

    /**
     * @param extra policies to evaluate besides the defaults (full; for an early-exit network
     *     every fixed depth and its calibrated dynamic policy)
     */
    public EvaluationReport evaluate(double[][][] test, Forecaster forecaster, List<ExitPolicy> extra) {
        if (forecaster.spec().contextLength() > settings.contextLength()) {
            throw new IllegalArgumentException("forecaster needs " + forecaster.spec().contextLength()
                    + " context states but evaluation gives " + settings.contextLength());
        }
        double[][][][] o = origins(test);
        LinkedHashSet<ExitPolicy> policies = new LinkedHashSet<>();
        policies.add(ExitPolicy.full());
        CalibrationTable curve = null;
        double oracle = Double.NaN;
        if (forecaster instanceof EarlyExitForecaster ee) {
            int n = ee.spec().depth();
            for (int i = 1; i < n; i++) {
                policies.add(ExitPolicy.fixed(i));
            }
            policies.add(ee.calibratedPolicy());
            double tol = ee.modelSpec().calibration() == null
                    ? ThresholdCalibrator.DEFAULT_TOLERANCE
                    : ee.modelSpec().calibration().tolerance();
            curve = ThresholdCalibrator.curve(ee, test, tol, Math.max(1, ee.spec().stepsPerPass()));
            oracle = curve.oracleMeanDepth() / n;
        }
        policies.addAll(extra);
        List<PolicyMetrics> out = new ArrayList<>();
        // The attractor's spread, from the whole test split: the unit of the NRMSE VPT.
        double[] std = ForecastMetrics.attractorStd(test);
        for (ExitPolicy p : policies) {
            out.add(run(forecaster, p, o[0], o[1], std));
        }
        return new EvaluationReport(forecaster.spec().type(), o[0].length, out, curve, oracle);
    }

    /** A diverged forecast (non-finite values) counts as the largest finite error, not as bad input. */
    private static double[][] finite(double[][] fc) {
        double[][] out = fc;
        for (int t = 0; t < fc.length; t++) {
            for (int j = 0; j < fc[t].length; j++) {
                if (!Double.isFinite(fc[t][j])) {
                    if (out == fc) {
                        out = Arrays.stream(fc).map(double[]::clone).toArray(double[][]::new);
                    }
                    out[t][j] = Double.isNaN(fc[t][j]) ? Double.MAX_VALUE : Math.copySign(Double.MAX_VALUE, fc[t][j]);
                }
            }
        }
        return out;
    }

    private PolicyMetrics run(Forecaster f, ExitPolicy p, double[][][] ctx, double[][][] truth, double[] std) {
        ForecastResult r = f.forecast(ctx, settings.rolloutSteps(), p);
        int b = ctx.length;
        double mse = 0;
        double mae = 0;
        double smape = 0;
        double[] vpt = new double[b];
        double[] vptNrmse = new double[b];
        boolean spread = Arrays.stream(std).allMatch(v -> v > 0 && Double.isFinite(v));
        int m = settings.metricSteps();
        for (int i = 0; i < b; i++) {
            double[][] fc = finite(r.forecasts()[i]);
            double[][] head = Arrays.copyOf(fc, m);
            double[][] truthHead = Arrays.copyOf(truth[i], m);
            mse += ForecastMetrics.mse(truthHead, head);
            mae += ForecastMetrics.mae(truthHead, head);
            smape += ForecastMetrics.smape(truthHead, head);
            vpt[i] = ForecastMetrics.validPredictionTime(
                    truth[i], fc, settings.dt(), settings.maxLyapunov(), settings.vptSmapeThreshold());
            vptNrmse[i] = spread
                    ? ForecastMetrics.validPredictionTimeNrmse(
                            truth[i], fc, settings.dt(), settings.maxLyapunov(), std, settings.vptNrmseThreshold())
                    : Double.NaN;
        }
        double median = Median.of(vpt);
        return new PolicyMetrics(
                f.spec().depth() == 1 && !(f instanceof EarlyExitForecaster) ? "full" : p.name(),
                mse / b,
                mae / b,
                smape / b,
                median,
                Arrays.stream(vpt).average().orElse(0),
                r.meanDepth(),
                r.computeFraction(),
                Median.of(vptNrmse));
    }
}
