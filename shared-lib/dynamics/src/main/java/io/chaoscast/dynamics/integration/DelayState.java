package io.chaoscast.dynamics.integration;

import io.chaoscast.dynamics.systems.DelaySystem;

/**
 * The state of a delay equation being integrated by {@link MethodOfStepsIntegrator}: the solution
 * on the last delay window {@code [t - tau, t]}, kept as {@code m + 1} nodes {@code t_k = k h}
 * ({@code h = tau / m}) with the value and the one-sided derivatives at each node. Between nodes
 * the solution is the cubic Hermite interpolant of those, which is what the integrator reads for
 * {@code y(t - tau)} and what the sampler reads between steps.
 *
 * <p>Each node keeps a left and a right derivative because the solution is only continuous, not
 * differentiable, where a history meets the solution (at {@code t = 0}): interpolating across that
 * kink with one slope would cost an order of accuracy. Later nodes have equal left and right
 * derivatives.
 *
 * <p>This is the whole state of the infinite-dimensional system (as far as the method sees it), so
 * that Lyapunov estimation can read and perturb the history function through {@link
 * #exportWindow()} and {@link #importWindow(double[])}.
 */
public final class DelayState {

    private final DelaySystem system;
    private final double[] p;
    private final int dim;
    private final int m;
    private final double h;
    private final int slots;
    private final double[] y;
    private final double[] dLeft;
    private final double[] dRight;
    private long n; // index of the newest node; time = n * h

    // scratch, so that stepping does not allocate
    private final double[] yn;
    private final double[] stage;
    private final double[] d0;
    private final double[] dMid;
    private final double[] d1;
    private final double[] k2;
    private final double[] k3;
    private final double[] k4;
    private final double[] out;

    DelayState(DelaySystem system, double[] p, int m, double tau, double[] constantHistory) {
        this.system = system;
        this.p = p.clone();
        this.dim = constantHistory.length;
        this.m = m;
        this.h = tau / m;
        this.slots = m + 1;
        this.y = new double[slots * dim];
        this.dLeft = new double[slots * dim];
        this.dRight = new double[slots * dim];
        this.yn = new double[dim];
        this.stage = new double[dim];
        this.d0 = new double[dim];
        this.dMid = new double[dim];
        this.d1 = new double[dim];
        this.k2 = new double[dim];
        this.k3 = new double[dim];
        this.k4 = new double[dim];
        this.out = new double[dim];
        for (long k = -m; k <= 0; k++) {
            System.arraycopy(constantHistory, 0, y, slot(k), dim);
        }
        // A constant history has zero slope up to t = 0 from the left; from the right the slope is f.
        n = 0;
        system.derivatives(0.0, constantHistory, constantHistory, this.p, out);
        System.arraycopy(out, 0, dRight, slot(0), dim);
    }

    private DelayState(DelayState o) {
        this.system = o.system;
        this.p = o.p;
        this.dim = o.dim;
        this.m = o.m;
        this.h = o.h;
        this.slots = o.slots;
        this.y = o.y.clone();
        this.dLeft = o.dLeft.clone();
        this.dRight = o.dRight.clone();
        this.n = o.n;
        this.yn = new double[dim];
        this.stage = new double[dim];
        this.d0 = new double[dim];
        this.dMid = new double[dim];
        this.d1 = new double[dim];
        this.k2 = new double[dim];
        this.k3 = new double[dim];
        this.k4 = new double[dim];
        this.out = new double[dim];
    }

    /** An independent copy (same system, same time, same window). */
    public DelayState copy() {
        return new DelayState(this);
    }

    private int slot(long k) {
        return (int) Math.floorMod(k, (long) slots) * dim;
    }

    public double time() {
        return n * h;
    }

    public double stepSize() {
        return h;
    }

    /** Steps per delay: the window holds {@code stepsPerDelay() + 1} nodes. */
    public int stepsPerDelay() {
        return m;
    }

    public int dimension() {
        return dim;
    }

    /** The current state {@code y(t)}, copied. */
    public double[] current() {
        double[] c = new double[dim];
        System.arraycopy(y, slot(n), c, 0, dim);
        return c;
    }

    /**
     * One classical Runge-Kutta (RK4) step from {@code t_n} to {@code t_n + h}. The delayed values
     * fall on the nodes {@code t_{n-m}}, {@code t_{n-m+1}} (stages 1 and 4) and on the midpoint of
     * the interval between them (stages 2 and 3), read from the Hermite interpolant.
     *
     * @throws DivergenceException when the new state is non-finite or beyond {@link
     *     FlowSampler#DIVERGENCE_BOUND}
     */
    public void step() {
        int sn = slot(n);
        int sa = slot(n - m);
        int sb = slot(n - m + 1);
        double t = n * h;
        for (int i = 0; i < dim; i++) {
            yn[i] = y[sn + i];
            d0[i] = y[sa + i];
            d1[i] = y[sb + i];
            dMid[i] = 0.5 * (y[sa + i] + y[sb + i]) + 0.125 * h * (dRight[sa + i] - dLeft[sb + i]);
        }
        // k1 is the right derivative stored at node n.
        for (int i = 0; i < dim; i++) {
            stage[i] = yn[i] + 0.5 * h * dRight[sn + i];
        }
        system.derivatives(t + 0.5 * h, stage, dMid, p, k2);
        for (int i = 0; i < dim; i++) {
            stage[i] = yn[i] + 0.5 * h * k2[i];
        }
        system.derivatives(t + 0.5 * h, stage, dMid, p, k3);
        for (int i = 0; i < dim; i++) {
            stage[i] = yn[i] + h * k3[i];
        }
        system.derivatives(t + h, stage, d1, p, k4);
        for (int i = 0; i < dim; i++) {
            stage[i] = yn[i] + h / 6.0 * (dRight[sn + i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        double tNext = (n + 1) * h;
        FlowSampler.checkFinite(stage, tNext);
        // Node n+1 takes the slot of node n-m, which no later step needs.
        int sNext = slot(n + 1);
        System.arraycopy(stage, 0, y, sNext, dim);
        system.derivatives(tNext, stage, d1, p, out);
        System.arraycopy(out, 0, dLeft, sNext, dim);
        System.arraycopy(out, 0, dRight, sNext, dim);
        n++;
    }

    /** Steps until {@code time() >= t}. */
    public void advanceTo(double t) {
        while (n * h < t) {
            step();
        }
    }

    /**
     * Writes {@code y(t)} for {@code t} in the window {@code [time() - tau, time()]} into {@code
     * dest}: the node value when {@code t} is a node, the cubic Hermite interpolant otherwise
     * (fourth-order accurate, like the steps).
     */
    public void valueAt(double t, double[] dest) {
        long j = (long) Math.floor(t / h);
        if (j < n - m || j > n || (j == n && t > n * h)) {
            throw new IllegalArgumentException(
                    "t=" + t + " is outside the stored window [" + (n - m) * h + ", " + n * h + "]");
        }
        if (j == n) {
            System.arraycopy(y, slot(n), dest, 0, dim);
            return;
        }
        double s = (t - j * h) / h;
        int a = slot(j);
        int b = slot(j + 1);
        double s2 = s * s;
        double s3 = s2 * s;
        double h00 = 2 * s3 - 3 * s2 + 1;
        double h10 = s3 - 2 * s2 + s;
        double h01 = -2 * s3 + 3 * s2;
        double h11 = s3 - s2;
        for (int i = 0; i < dim; i++) {
            dest[i] = h00 * y[a + i] + h * h10 * dRight[a + i] + h01 * y[b + i] + h * h11 * dLeft[b + i];
        }
    }

    /**
     * The window as one vector, oldest node first: {@code m + 1} node values (each {@code dim}
     * long), then the left derivatives, then the right derivatives. Only the first third is the
     * function; the derivatives travel along so that a linear combination of windows is again a
     * consistent Hermite function.
     */
    public double[] exportWindow() {
        int len = slots * dim;
        double[] v = new double[3 * len];
        for (int k = 0; k <= m; k++) {
            int s = slot(n - m + k);
            System.arraycopy(y, s, v, k * dim, dim);
            System.arraycopy(dLeft, s, v, len + k * dim, dim);
            System.arraycopy(dRight, s, v, 2 * len + k * dim, dim);
        }
        return v;
    }

    /**
     * Replaces the window by {@code v} (the layout of {@link #exportWindow()}) at the same time, then
     * recomputes the slope at the newest node from the equations so that the next step starts from a
     * consistent derivative.
     */
    public void importWindow(double[] v) {
        int len = slots * dim;
        if (v.length != 3 * len) {
            throw new IllegalArgumentException("window length " + v.length + ", expected " + 3 * len);
        }
        for (int k = 0; k <= m; k++) {
            int s = slot(n - m + k);
            System.arraycopy(v, k * dim, y, s, dim);
            System.arraycopy(v, len + k * dim, dLeft, s, dim);
            System.arraycopy(v, 2 * len + k * dim, dRight, s, dim);
        }
        if (n > 0) {
            int sn = slot(n);
            System.arraycopy(y, sn, yn, 0, dim);
            System.arraycopy(y, slot(n - m), d0, 0, dim);
            system.derivatives(n * h, yn, d0, p, out);
            System.arraycopy(out, 0, dLeft, sn, dim);
            System.arraycopy(out, 0, dRight, sn, dim);
        }
    }

    /** Number of leading entries of {@link #exportWindow()} that hold node values. */
    public int windowValueLength() {
        return slots * dim;
    }
}
