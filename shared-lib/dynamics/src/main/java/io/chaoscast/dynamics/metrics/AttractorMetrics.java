package io.chaoscast.dynamics.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attractor-level metrics of a long free rollout against the truth over the same span
 * ({@code [time][dimension]}): they judge whether the forecast reproduces the system's long-term
 * statistics, so a model that stays on the attractor after losing the phase is told apart from
 * one that diverges or collapses (docs/benchmarks.md names each with its source).
 *
 * @param wasserstein mean per-coordinate Wasserstein-1 distance of the marginals, in truth
 *     standard deviations ({@link WassersteinDistance})
 * @param correlationDimensionError |D2(forecast) - D2(truth)| ({@link CorrelationDimension})
 * @param spectrumDistance Hellinger distance of the power spectra, 0..1 ({@link PowerSpectrumDistance})
 * @param boundedFraction fraction of steps inside the truth's widened range ({@link Boundedness})
 */
public record AttractorMetrics(double wasserstein, double correlationDimensionError, double spectrumDistance, double boundedFraction) {

    public static AttractorMetrics of(double[][] truth, double[][] forecast) {
        if (truth.length != forecast.length || truth.length < 16) {
            throw new IllegalArgumentException("truth and forecast need the same length of at least 16 steps, found "
                    + truth.length + " and " + forecast.length);
        }
        return new AttractorMetrics(
                WassersteinDistance.marginals(truth, forecast),
                CorrelationDimension.error(truth, forecast),
                PowerSpectrumDistance.of(truth, forecast),
                Boundedness.fractionInside(truth, forecast));
    }

    /** As metric keys under a prefix, e.g. {@code test_attractor_wasserstein}. */
    public Map<String, Double> asMetrics(String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(prefix + "wasserstein", wasserstein);
        m.put(prefix + "corrdim_error", correlationDimensionError);
        m.put(prefix + "spectrum_hellinger", spectrumDistance);
        m.put(prefix + "bounded_fraction", boundedFraction);
        return m;
    }
}
