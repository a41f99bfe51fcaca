package io.chaoscast.dynamics.integration;

import io.chaoscast.dynamics.systems.DiscreteMap;

/** Iterates a map, discarding a transientIterations, and hands each iterate to a sink. */
public final class MapIterator {

    /**
     * @return the last emitted state
     * @throws DivergenceException when an iterate is non-finite or beyond {@link
     *     FlowSampler#DIVERGENCE_BOUND}
     */
    public double[] iterate(DiscreteMap map, double[] p, double[] x0, int transientIterations, int length, TrajectorySink sink) {
        double[] x = x0.clone();
        double[] next = new double[x.length];
        FlowSampler.checkFinite(x, 0);
        for (int i = 0; i < transientIterations; i++) {
            map.next(x, p, next);
            FlowSampler.checkFinite(next, i + 1);
            double[] tmp = x;
            x = next;
            next = tmp;
        }
        for (int i = 0; i < length; i++) {
            sink.accept(i, x);
            if (i == length - 1) {
                break;
            }
            map.next(x, p, next);
            FlowSampler.checkFinite(next, transientIterations + i + 1);
            double[] tmp = x;
            x = next;
            next = tmp;
        }
        return x;
    }
}
