package io.chaoscast.models.calibration;

import java.util.function.IntToDoubleFunction;

/**
 * Learn-then-Test (Angelopoulos, Bates et al. 2021), as CALM (Schuster et al. 2022) uses it for
 * early exit: each threshold {@code λ} is a null hypothesis "risk(λ) &gt; ε", tested with a
 * p-value of its mean loss on {@code n} calibration windows (losses in [0, 1]): the
 * Hoeffding–Bentkus p-value, and where the losses' variance is known the smaller of it and the
 * empirical-Bernstein p-value (Maurer and Pontil 2009), doubled (a union bound keeps it valid);
 * the Bernstein bound matters when losses cluster far from 0 and 1 with a small spread;
 * thresholds are tested in a fixed sequence, from the most conservative (full depth) to the most
 * aggressive, and the sequence stops at the first that is not rejected. Every threshold rejected
 * before that has risk ≤ ε with probability at least 1 − δ over the draw of the calibration
 * windows (family-wise error ≤ δ without any multiplicity correction, because the order is fixed
 * before seeing the data). The p-values need only the mean and variance of the loss and {@code
 * n}, which is why the artifact stores those per threshold and any (ε, δ) can be served later.
 */
public final class RiskControl {

    private RiskControl() {}

    /**
     * Hoeffding–Bentkus p-value for "mean loss &gt; alpha" given the empirical mean {@code riskHat}
     * of {@code n} losses in [0, 1]: {@code min(exp(−n h(min(R̂, α), α)), e · P(Bin(n, α) ≤ ⌈n R̂⌉))}.
     */
    public static double hoeffdingBentkus(double riskHat, int n, double alpha) {
        if (n <= 0 || !(alpha > 0)) {
            return 1;
        }
        if (alpha >= 1) {
            return 0; // losses are at most 1: a risk above 1 is impossible
        }
        double r = Math.max(0, Math.min(1, riskHat));
        double a = Math.min(r, alpha);
        double hoeffding = Math.exp(-n * klBernoulli(a, alpha));
        int k = (int) Math.ceil(n * r - 1e-9);
        double bentkus = Math.E * binomialCdf(k, n, alpha);
        return Math.min(1, Math.min(hoeffding, bentkus));
    }

    /**
     * Empirical-Bernstein p-value for "mean loss &gt; alpha" (losses in [0, 1], sample variance
     * {@code variance}): the smallest δ with {@code R̂ + sqrt(2 σ̂² L / n) + 7 L / (3 (n − 1)) ≤ α},
     * {@code L = ln(2/δ)}.
     */
    public static double empiricalBernstein(double riskHat, double variance, int n, double alpha) {
        if (n < 2 || !(alpha > riskHat)) {
            return 1;
        }
        double a = 7.0 / (3 * (n - 1));
        double b = Math.sqrt(2 * Math.max(0, variance) / n);
        double x = (-b + Math.sqrt(b * b + 4 * a * (alpha - riskHat))) / (2 * a);
        return Math.min(1, 2 * Math.exp(-x * x));
    }

    /** The p-value used: Hoeffding–Bentkus, or with a variance the doubled smaller of it and Bernstein's. */
    public static double pValue(double riskHat, double variance, int n, double alpha) {
        double hb = hoeffdingBentkus(riskHat, n, alpha);
        if (Double.isNaN(variance)) {
            return hb;
        }
        return Math.min(1, 2 * Math.min(hb, empiricalBernstein(riskHat, variance, n, alpha)));
    }

    /**
     * Betting p-value for "mean loss &gt; alpha" from the losses themselves (in [0, 1], in a fixed
     * order drawn independently of their values), as Waudby-Smith and Ramdas (2023) build it and
     * Learn-then-Test recommends: a bettor starts with capital 1 and at each loss stakes the
     * fraction {@code λ_t} on it being small, {@code K_t = Π (1 + λ_t (α − x_t))}. Under the null
     * ({@code E x ≥ α}) the capital is a nonnegative supermartingale, so by Ville's inequality
     * {@code 1 / max_t K_t} is a valid p-value. The stakes are predictable (from the losses before
     * {@code t} only): {@code λ_t = sqrt(2 ln(1/δ) / (n σ̂²_{t−1}))} with a running variance that
     * starts from the widest (1/4), capped at {@code 1 / (2 (1 − α))} so the capital never falls by
     * more than half at once. Unlike the Bernstein bound it pays no fixed range penalty: where
     * most losses sit near the middle and a few at the ends, its margin is several times smaller.
     *
     * @param losses the losses in betting order
     * @param delta the level the stakes are tuned for (the test is valid for any level)
     */
    public static double bettingPValue(double[] losses, double alpha, double delta) {
        int n = losses.length;
        if (n == 0 || !(alpha > 0)) {
            return 1;
        }
        if (alpha >= 1) {
            return 0;
        }
        double cap = 0.5 / (1 - alpha);
        double log = Math.log(1 / delta);
        double logK = 0;
        double maxLogK = 0;
        // Running mean and variance with a prior observation at 1/2 and variance 1/4.
        double mean = 0.5;
        double m2 = 0.25;
        int count = 1;
        for (double x : losses) {
            double v = Math.max(m2 / count, 1e-6);
            double lambda = Math.min(cap, Math.sqrt(2 * log / (n * v)));
            logK += Math.log1p(lambda * (alpha - Math.max(0, Math.min(1, x))));
            maxLogK = Math.max(maxLogK, logK);
            count++;
            double d = x - mean;
            mean += d / count;
            m2 += d * (x - mean);
        }
        return Math.min(1, Math.exp(-maxLogK));
    }

    /** {@code a log(a/b) + (1−a) log((1−a)/(1−b))}, with 0 log 0 = 0. */
    static double klBernoulli(double a, double b) {
        double s = 0;
        if (a > 0) {
            s += a * Math.log(a / b);
        }
        if (a < 1) {
            s += (1 - a) * Math.log((1 - a) / (1 - b));
        }
        return s;
    }

    /** {@code P(Bin(n, p) ≤ k)}, summed in log space (no overflow for large n). */
    static double binomialCdf(int k, int n, double p) {
        if (k < 0) {
            return 0;
        }
        if (k >= n) {
            return 1;
        }
        double logPmf = n * Math.log1p(-p);
        double ratio = Math.log(p) - Math.log1p(-p);
        double max = logPmf;
        double[] terms = new double[k + 1];
        terms[0] = logPmf;
        for (int i = 0; i < k; i++) {
            logPmf += Math.log((double) (n - i) / (i + 1)) + ratio;
            terms[i + 1] = logPmf;
            max = Math.max(max, logPmf);
        }
        double s = 0;
        for (double t : terms) {
            s += Math.exp(t - max);
        }
        return Math.min(1, Math.exp(max) * s);
    }

    /**
     * Fixed-sequence testing over {@code risks} (ordered from the most conservative threshold to
     * the most aggressive; entry 0 is full depth, whose loss is 0 by construction and is always
     * valid).
     *
     * @return the index of the last threshold rejected in sequence (0 if none beyond full depth)
     */
    public static int fixedSequence(double[] risks, int n, double epsilon, double delta) {
        return fixedSequence(risks, null, n, epsilon, delta);
    }

    /** As above, with each threshold's loss variance ({@code null}: Hoeffding–Bentkus alone). */
    public static int fixedSequence(double[] risks, double[] variances, int n, double epsilon, double delta) {
        return lastRejected(
                risks.length, i -> pValue(risks[i], variances == null ? Double.NaN : variances[i], n, epsilon), delta);
    }

    /**
     * The walk of fixed-sequence testing: hypotheses {@code 1 .. count − 1} in order (0 is full
     * depth, always valid), stopping at the first whose p-value exceeds {@code delta}; p-values
     * beyond it are never computed.
     *
     * @return the index of the last hypothesis rejected in sequence (0 if none)
     */
    public static int lastRejected(int count, IntToDoubleFunction pValue, double delta) {
        int chosen = 0;
        for (int i = 1; i < count; i++) {
            if (pValue.applyAsDouble(i) > delta) {
                break;
            }
            chosen = i;
        }
        return chosen;
    }
}
