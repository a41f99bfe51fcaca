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
 */
public record FeatureSpec(String kind, int taps, int skip, int dimension, Standardization inputs) {

    public FeatureSpec {
        if (inputs != null && inputs.dimension() != dimension) {
            throw new IllegalArgumentException(
                    "inputs standardization has dimension " + inputs.dimension() + ", expected " + dimension);
        }
    }

    /** Raw (unstandardised) states. */
    public FeatureSpec(String kind, int taps, int skip, int dimension) {
        this(kind, taps, skip, dimension, null);
    }

    public static final String LINEAR = "linear";
    public static final String NVAR = "nvar";

    FeatureMap build() {
        return switch (kind) {
            case LINEAR -> LinearAutoregression.features(taps, dimension);
            case NVAR -> Nvar.features(taps, skip, dimension, inputs);
            default -> throw new IllegalArgumentException("feature kind must be linear or nvar, found " + kind);
        };
    }
}
