package io.chaoscast.dynamics.systems;

/**
 * A delay differential equation given by its metadata and two lambdas (the right-hand side and
 * where the delay sits in the parameters), so that a catalog entry is data plus equations, like
 * {@link FlowSystem}.
 */
public class DelayEquationSystem implements DelaySystem {

    /** The right-hand side {@code f(t, y(t), y(t - tau); p)}. */
    @FunctionalInterface
    public interface Equations {
        void apply(double t, double[] y, double[] yDelayed, double[] p, double[] dydt);
    }

    /** The delay {@code tau} as a function of the parameters. */
    @FunctionalInterface
    public interface Delay {
        double of(double[] p);
    }

    private final SystemInfo info;
    private final Equations equations;
    private final Delay delay;

    public DelayEquationSystem(SystemInfo info, Equations equations, Delay delay) {
        this.info = info;
        this.equations = equations;
        this.delay = delay;
    }

    /** A delay that is the parameter called {@code name}. */
    public static Delay delayParameter(SystemInfo info, String name) {
        int i = info.parameterNames().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(info.name() + " has no parameter " + name);
        }
        return new ParameterDelay(name, i);
    }

    /** The delay read from one named parameter; the name is what range errors report. */
    private record ParameterDelay(String name, int index) implements Delay {
        @Override
        public double of(double[] p) {
            return p[index];
        }
    }

    @Override
    public SystemInfo info() {
        return info;
    }

    @Override
    public double delay(double[] p) {
        return delay.of(p);
    }

    @Override
    public String delayParameter() {
        return delay instanceof ParameterDelay d ? d.name() : null;
    }

    @Override
    public void derivatives(double t, double[] y, double[] yDelayed, double[] p, double[] dydt) {
        equations.apply(t, y, yDelayed, p, dydt);
    }

    @Override
    public String toString() {
        return "Delay[" + name() + "]";
    }
}
