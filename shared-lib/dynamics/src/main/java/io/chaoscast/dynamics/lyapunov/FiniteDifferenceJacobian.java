package io.chaoscast.dynamics.lyapunov;

import io.chaoscast.dynamics.integration.OrbitEquations;
import io.chaoscast.dynamics.systems.Flow;

/**
 * Central-difference Jacobian, for flows that do not provide an analytic one ({@link
 * Flow#hasAnalyticJacobian()}) and for Filippov's sliding field, which none provides. The step {@code eps^(1/3) min(max(1, |y_j|), 100)} (capped so that phase variables far from zero keep a small step) balances truncation error
 * {@code O(h^2)} against rounding {@code O(eps / h)}, for about ten correct digits.
 */
final class FiniteDifferenceJacobian {

    private static final double REL_STEP = Math.cbrt(Math.ulp(1.0));

    private final OrbitEquations.Field field;
    private final double[] yShift;
    private final double[] fPlus;
    private final double[] fMinus;

    FiniteDifferenceJacobian(OrbitEquations.Field field, int n) {
        this.field = field;
        this.yShift = new double[n];
        this.fPlus = new double[n];
        this.fMinus = new double[n];
    }

    void jacobian(double t, double[] y, double[][] jac) {
        int n = yShift.length;
        System.arraycopy(y, 0, yShift, 0, n);
        for (int j = 0; j < n; j++) {
            double h = REL_STEP * Math.min(Math.max(1.0, Math.abs(y[j])), 100.0);
            yShift[j] = y[j] + h;
            field.apply(t, yShift, fPlus);
            yShift[j] = y[j] - h;
            field.apply(t, yShift, fMinus);
            yShift[j] = y[j];
            for (int i = 0; i < n; i++) {
                jac[i][j] = (fPlus[i] - fMinus[i]) / (2 * h);
            }
        }
    }
}
