package io.chaoscast.models.baselines;

import io.chaoscast.models.data.Standardization;

/**
 * A serialisable description of a ridge model's feature map.
 *
 * @param kind {@code linear} (constant + last {@code taps} states) or {@code nvar} (constant +
 *     {@code taps} states {@code skip} apart + their unique quadratic monomials)
 * @param taps number of delayed states
 * @param skip spacing of the taps (1 for {@code linear})
 * @param dimension state dimension
 * @param inputs per-dimension standardisation applied to the states before the features are
 *     formed (an affine change of variables, so the span of constant, linear and quadratic
 *     terms is unchanged, but the monomials are centred and of order one, which keeps the
 *     normal equations well conditioned); {@code null} for raw states, as in specs written
 *     before this field existed
 * @param order {@code nvar} only: highest degree of the polynomial monomials (2: quadratic, the
 *     paper's library; 3 adds the cubic ones); {@code null} means 2, as in specs written before
 *     this field existed
 * @param trig {@code nvar} only: whether {@code sin} and {@code cos} of every raw (unstandardised)
 *     tap value are features too, for vector fields that are not polynomial (e.g. Thomas'
 *     {@code sin y}, pendulum angles); {@code null} means no
 */
public record FeatureSpec(
        String kind, int taps, int skip, int dimension, Standardization inputs, Integer order, Boolean trig) {

    /** Highest polynomial order {@code nvar} features may have. */
    public static final int MAX_ORDER = 3;

    public FeatureSpec {
        if (inputs != null && inputs.dimension() != dimension) {
            throw new IllegalArgumentException(
                    "inputs standardization has dimension " + inputs.dimension() + ", expected " + dimension);
        }
        if (order != null && (order < 1 || order > MAX_ORDER)) {
            throw new IllegalArgumentException("order must be between 1 and " + MAX_ORDER + ", found " + order);
        }
    }

    /** Quadratic monomials, no trigonometric features. */
    public FeatureSpec(String kind, int taps, int skip, int dimension, Standardization inputs) {
        this(kind, taps, skip, dimension, inputs, null, null);
    }

    /** Raw (unstandardised) states. */
    public FeatureSpec(String kind, int taps, int skip, int dimension) {
        this(kind, taps, skip, dimension, null);
    }

    /** {@link #order()} with its default, 2. */
    public int polynomialOrder() {
        return order == null ? 2 : order;
    }

    /** {@link #trig()} with its default, false. */
    public boolean trigonometric() {
        return trig != null && trig;
    }

    /** Number of features of this map. */
    public int size() {
        return build().size();
    }

    /** A short, human-readable name of the library, e.g. {@code nvar k4 s1 poly2+trig}. */
    public String describe() {
        if (!NVAR.equals(kind)) {
            return kind + " p" + taps;
        }
        return "nvar k" + taps + " s" + skip + " poly" + polynomialOrder() + (trigonometric() ? "+trig" : "");
    }

    public static final String LINEAR = "linear";
    public static final String NVAR = "nvar";

    FeatureMap build() {
        return switch (kind) {
            case LINEAR -> LinearAutoregression.features(taps, dimension);
            case NVAR -> Nvar.features(taps, skip, dimension, inputs, polynomialOrder(), trigonometric());
            default -> throw new IllegalArgumentException("feature kind must be linear or nvar, found " + kind);
        };
    }
}
