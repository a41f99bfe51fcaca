package io.chaoscast.dynamics.lyapunov;

import io.chaoscast.dynamics.integration.DivergenceException;
import io.chaoscast.dynamics.integration.FlowSampler;
import io.chaoscast.dynamics.systems.DiscreteMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lyapunov exponents of a map by QR of the product of its analytic Jacobians along an orbit: at
 * every iteration {@code V <- J(x_n) V}, {@code V = QR}, {@code V <- Q}, and {@code log R_ii} is
 * added to the sums. Re-orthonormalising at every iteration costs little for the small dimensions
 * of maps and keeps the product from over- or underflowing whatever the exponents.
 */
public final class MapQrLyapunovEstimator {

    public LyapunovResult estimate(DiscreteMap map, double[] p, double[] initial, LyapunovSettings settings) {
        return estimate(map, p, initial, settings, Deadline.NONE);
    }

    LyapunovResult estimate(DiscreteMap map, double[] p, double[] initial, LyapunovSettings settings, Deadline deadline) {
        int n = initial.length;
        int k = settings.spectrum() ? n : 1;
        long transientIterations = Math.round(settings.transientTime());
        long iterations = Math.round(settings.maxDuration());
        if (iterations < 1) {
            throw new IllegalArgumentException("duration must be at least one iteration, found " + settings.duration());
        }
        double[] x = initial.clone();
        double[] next = new double[n];
        for (long i = 0; i < transientIterations; i++) {
            if ((i & 0xFFFF) == 0) {
                deadline.check(map.name(), i, transientIterations + iterations);
            }
            map.next(x, p, next);
            checkFinite(map, next, i + 1);
            double[] tmp = x;
            x = next;
            next = tmp;
        }
        double[][] v = new double[k][n];
        if (k == 1) {
            for (int i = 0; i < n; i++) {
                v[0][i] = 1.0 + 0.1 * i;
            }
        } else {
            for (int j = 0; j < k; j++) {
                v[j][j] = 1.0;
            }
        }
        double[] diag = new double[k];
        GramSchmidt.orthonormalise(v, n, diag);
        double[][] jac = new double[n][n];
        double[][] w = new double[k][n];
        BatchMeans batches = new BatchMeans(k, Math.max(1, Math.round(settings.batchLength())));
        double[] logs = new double[k];
        for (long it = 0; it < iterations; it++) {
            if ((it & 0xFFFF) == 0) {
                deadline.check(map.name(), transientIterations + it, transientIterations + iterations);
            }
            map.jacobian(x, p, jac);
            for (int j = 0; j < k; j++) {
                for (int r = 0; r < n; r++) {
                    double s = 0;
                    for (int c = 0; c < n; c++) {
                        s += jac[r][c] * v[j][c];
                    }
                    w[j][r] = s;
                }
            }
            double[][] tmpV = v;
            v = w;
            w = tmpV;
            GramSchmidt.orthonormalise(v, n, diag);
            for (int j = 0; j < k; j++) {
                logs[j] = Math.log(diag[j]);
            }
            boolean batchClosed = batches.add(logs, 1);
            map.next(x, p, next);
            checkFinite(map, next, transientIterations + it + 1);
            double[] tmp = x;
            x = next;
            next = tmp;
            if (batchClosed && LyapunovEstimators.done(settings, batches, deadline)) {
                break;
            }
        }
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("iterations", Math.round(batches.totalTime()));
        used.put("transientIterations", transientIterations);
        used.put("renormalisationInterval", 1);
        used.put("tangentVectors", k);
        String jacobian = map.hasAnalyticJacobian() ? "analytic Jacobian" : "central finite-difference Jacobian";
        return LyapunovEstimators.result(
                batches,
                k == n,
                false,
                "QR of Jacobian products (Benettin/Shimada-Nagashima), " + jacobian,
                used,
                settings,
                Convergence.defaults(true, 1, settings.duration()));
    }

    private static void checkFinite(DiscreteMap map, double[] x, long iteration) {
        for (double v : x) {
            if (!Double.isFinite(v) || Math.abs(v) > FlowSampler.DIVERGENCE_BOUND) {
                throw new DivergenceException(
                        map.name() + ": orbit diverged at iteration " + iteration + "; try other parameters or initial conditions",
                        iteration);
            }
        }
    }
}
