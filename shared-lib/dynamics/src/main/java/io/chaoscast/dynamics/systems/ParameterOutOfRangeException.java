package io.chaoscast.dynamics.systems;

/** A parameter value outside the range the system is defined for (e.g. Lorenz96's ring size {@code n}). */
public final class ParameterOutOfRangeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public ParameterOutOfRangeException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
