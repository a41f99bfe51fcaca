package io.chaoscast.dynamics.systems;

/**
 * A hyperplane {@code y_c = level} across which a flow's right-hand side jumps (a contact that
 * switches on, a signum, dry friction). The Jacobian of such a flow holds on either side but not
 * across the plane, so tangent-space methods need to know where the plane is: there the tangent
 * vectors take a saltation matrix (see the Lyapunov estimator). The level is a constant or one of
 * the flow's parameters, so that a user who moves the switch moves the plane with it.
 */
public final class SwitchingSurface {

    private final int coordinate;
    private final double constantLevel;
    private final int levelParameter;

    private SwitchingSurface(int coordinate, double constantLevel, int levelParameter) {
        if (coordinate < 0) {
            throw new IllegalArgumentException("coordinate must be >= 0, found " + coordinate);
        }
        this.coordinate = coordinate;
        this.constantLevel = constantLevel;
        this.levelParameter = levelParameter;
    }

    /** The plane {@code y_coordinate = level}. */
    public static SwitchingSurface at(int coordinate, double level) {
        return new SwitchingSurface(coordinate, level, -1);
    }

    /** The plane {@code y_coordinate = p[parameter]}. */
    public static SwitchingSurface atParameter(int coordinate, int parameter) {
        if (parameter < 0) {
            throw new IllegalArgumentException("parameter index must be >= 0, found " + parameter);
        }
        return new SwitchingSurface(coordinate, Double.NaN, parameter);
    }

    /** The index of the state coordinate whose level the plane fixes. */
    public int coordinate() {
        return coordinate;
    }

    /** Where the plane lies for these parameters. */
    public double level(double[] p) {
        return levelParameter < 0 ? constantLevel : p[levelParameter];
    }

    /**
     * The side of plane {@code k} that the branch in force belongs to: {@code sides[k]} (+1 or -1)
     * when an integrator forces the branch, else the sign of {@code distance}, the state's own
     * distance {@code y_c - level} (0 on the plane, as a signum written in the equations gives).
     * Equations written with this in place of their signum read as the published ones and still
     * let an event-driven integrator hold a branch past the plane within a step.
     */
    public static double side(double[] sides, int k, double distance) {
        return sides == null ? Math.signum(distance) : sides[k];
    }

    @Override
    public String toString() {
        return "y[" + coordinate + "] = " + (levelParameter < 0 ? Double.toString(constantLevel) : "p[" + levelParameter + "]");
    }
}
