package io.chaoscast.dynamics.integration;

import io.chaoscast.dynamics.systems.Flow;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * {@code y' = f(t, y)} for an orbit alone, as Hipparchus integrates it, with a non-finite trial
 * stage turned into a rejected step ({@link TrialStages}).
 */
public final class OrbitEquations implements OrdinaryDifferentialEquation {

    /** A vector field {@code f(t, y)} with its parameters bound; writes into {@code out}. */
    @FunctionalInterface
    public interface Field {
        void apply(double t, double[] y, double[] out);
    }

    private final int n;
    private final Field field;

    public OrbitEquations(int n, Field field) {
        this.n = n;
        this.field = field;
    }

    /** The flow's own right-hand side at parameters {@code p} (copied), in {@code n} dimensions. */
    public static OrbitEquations of(Flow flow, double[] p, int n) {
        double[] q = p.clone();
        return new OrbitEquations(n, (t, y, out) -> flow.derivatives(t, y, q, out));
    }

    @Override
    public int getDimension() {
        return n;
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
        double[] d = new double[n];
        field.apply(t, y, d);
        return TrialStages.rejectNonFinite(d);
    }
}
