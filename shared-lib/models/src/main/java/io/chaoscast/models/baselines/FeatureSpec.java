package io.chaoscast.models.baselines;

/**
 * A serialisable description of a ridge model's feature map.
 *
 * @param kind {@code linear} (constant + last {@code taps} states) or {@code nvar} (constant +
 *     {@code taps} states {@code skip} apart + their unique quadratic monomials)
 * @param taps number of delayed states
 * @param skip spacing of the taps (1 for {@code linear})
 * @param dimension state dimension
 */
public record FeatureSpec(String kind, int taps, int skip, int dimension) {

    public static final String LINEAR = "linear";
    public static final String NVAR = "nvar";

    FeatureMap build() {
        return switch (kind) {
            case LINEAR -> LinearAutoregression.features(taps, dimension);
            case NVAR -> Nvar.features(taps, skip, dimension);
            default -> throw new IllegalArgumentException("feature kind must be linear or nvar, found " + kind);
        };
    }
}
