package io.chaoscast.dynamics.systems;

import java.util.List;

/** A parameter name the system does not have. */
public final class UnknownParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public UnknownParameterException(String system, String parameter, List<String> allowed) {
        super("parameters." + parameter + " is not a parameter of " + system + "; allowed: " + allowed);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
