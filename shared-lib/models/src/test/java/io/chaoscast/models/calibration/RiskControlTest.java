package io.chaoscast.models.calibration;

import io.chaoscast.models.policy.ExitPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Learn-then-Test on synthetic losses whose true risk is known: thresholds {@code j = 0..J} have
 * true risk {@code r_j} (increasing, {@code r_0 = 0}), and a window's loss at threshold {@code j}
 * is 1 when its latent uniform draw is below {@code r_j} (nested, like exits that get worse as
 * the threshold rises), else 0.
 */
class RiskControlTest {

    private static final double[] TRUE_RISK = trueRisks();

    private static double[] trueRisks() {
        double[] r = new double[41];
        for (int j = 0; j < r.length; j++) {
            r[j] = 0.3 * j / (r.length - 1); // 0 .. 30 %, steps of 0.75 %
        }
        return r;
    }

    private static double[] empiricalRisks(int n, SplittableRandom rng) {
        double[] latent = new double[n];
        for (int i = 0; i < n; i++) {
            latent[i] = rng.nextDouble();
        }
        double[] out = new double[TRUE_RISK.length];
        for (int j = 0; j < out.length; j++) {
            int c = 0;
            for (double v : latent) {
                if (v < TRUE_RISK[j]) {
                    c++;
                }
            }
            out[j] = (double) c / n;
        }
        return out;
    }

    @Test
    void guaranteeHoldsAtTheStatedConfidenceOverManyCalibrationDraws() {
        double eps = 0.1;
        double delta = 0.1;
        int trials = 400;
        int violations = 0;
        double meanChosenRisk = 0;
        SplittableRandom rng = new SplittableRandom(1);
        for (int t = 0; t < trials; t++) {
            int j = RiskControl.fixedSequence(empiricalRisks(300, rng), 300, eps, delta);
            if (TRUE_RISK[j] > eps) {
                violations++;
            }
            meanChosenRisk += TRUE_RISK[j] / trials;
        }
        assertThat((double) violations / trials).isLessThanOrEqualTo(delta);
        // Not vacuous: it picks thresholds with real risk, close below the budget.
        assertThat(meanChosenRisk).isBetween(0.05, eps);
    }

    @Test
    void choosingByTheEmpiricalMeanAloneBreaksTheGuarantee() {
        // The naive in-sample rule "largest threshold whose measured risk is within ε" violates the
        // budget far more often than δ: the test above could fail, and this is why p-values are used.
        double eps = 0.1;
        int trials = 400;
        int violations = 0;
        SplittableRandom rng = new SplittableRandom(2);
        for (int t = 0; t < trials; t++) {
            double[] r = empiricalRisks(300, rng);
            int j = 0;
            for (int k = 0; k < r.length; k++) {
                if (r[k] <= eps) {
                    j = k;
                }
            }
            if (TRUE_RISK[j] > eps) {
                violations++;
            }
        }
        assertThat((double) violations / trials).isGreaterThan(0.3);
    }

    @Test
    void signedLossesWithTheirVarianceKeepTheGuarantee() {
        // Losses in [-1, 1]: per-window relative change of error, true mean m_j, spread 0.3; tested on
        // (l + 1) / 2 with the Bernstein and Hoeffding-Bentkus p-values, as the stored calibration does.
        double eps = 0.05;
        double delta = 0.1;
        int n = 1000;
        double[] trueMean = new double[30];
        for (int j = 0; j < trueMean.length; j++) {
            trueMean[j] = -0.05 + 0.2 * j / (trueMean.length - 1);
        }
        SplittableRandom rng = new SplittableRandom(4);
        int violations = 0;
        int trials = 300;
        double chosenSum = 0;
        for (int t = 0; t < trials; t++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = gaussian(rng) * 0.3;
            }
            List<RiskPoint> points = new ArrayList<>();
            points.add(new RiskPoint(0, 8, 1, 0, 0, 0));
            for (int j = 0; j < trueMean.length; j++) {
                double s = 0;
                double s2 = 0;
                for (double v : z) {
                    double l = Math.max(-1, Math.min(1, trueMean[j] + v));
                    s += l;
                    s2 += l * l;
                }
                double m = s / n;
                points.add(new RiskPoint(0.01 * (j + 1), 7 - 0.2 * j, 0.5, m, Math.sqrt(s2 / n - m * m), m));
            }
            int k = RiskCalibration.chosenIndex(points, n, eps, 1 - delta);
            double truth = k == 0 ? 0 : trueMean[k - 1];
            if (truth > eps) {
                violations++;
            }
            chosenSum += truth / trials;
        }
        assertThat((double) violations / trials).isLessThanOrEqualTo(delta);
        assertThat(chosenSum).isGreaterThan(0.0); // it does use thresholds with positive risk
    }

    /**
     * Depth caps tested beside the router's thresholds, each order at δ / 2: where the truth is
     * known (caps 7..1 with true risks −4 %..+22 %, thresholds all too risky), the served policy's
     * true risk exceeds ε in at most δ of 400 calibration draws, the cap is served where it saves
     * more than any threshold, and a calibration without caps picks exactly as before.
     */
    @Test
    void capsAreTestedBesideThresholdsAndKeepTheGuarantee() {
        double eps = 0.05;
        double delta = 0.1;
        int n = 1000;
        double[] capRisk = {-0.04, -0.02, 0.0, 0.03, 0.045, 0.12, 0.22}; // caps 7, 6, ..., 1
        double[] thresholdRisk = {0.08, 0.15, 0.3}; // thresholds 0.5, 0.6, 0.7 at depths 7.5, 7, 6
        SplittableRandom rng = new SplittableRandom(11);
        int violations = 0;
        int trials = 400;
        int capServed = 0;
        for (int t = 0; t < trials; t++) {
            List<RiskPoint> points = new ArrayList<>();
            points.add(new RiskPoint(0, 8, 1, 0, 0, 0));
            for (int j = 0; j < thresholdRisk.length; j++) {
                double[] ms = sample(rng, thresholdRisk[j], n);
                points.add(new RiskPoint(0.5 + 0.1 * j, 7.5 - 0.5 * j - (j == 2 ? 0.5 : 0), 0.9, ms[0], ms[1], ms[0]));
            }
            for (int j = 0; j < capRisk.length; j++) {
                double[] ms = sample(rng, capRisk[j], n);
                points.add(new RiskPoint(0, 7 - j, (7 - j) / 8.0, ms[0], ms[1], ms[0], 7 - j));
            }
            RiskPoint chosen = points.get(RiskCalibration.chosenIndex(points, n, eps, 1 - delta));
            double truth = !chosen.capped()
                    ? (chosen.threshold() == 0 ? 0 : thresholdRisk[(int) Math.round((chosen.threshold() - 0.5) * 10)])
                    : capRisk[7 - chosen.maxDepth()];
            if (truth > eps) {
                violations++;
            }
            if (chosen.capped()) {
                capServed++;
                assertThat(chosen.policy()).isEqualTo(ExitPolicy.dynamic(0, chosen.maxDepth()));
            }
        }
        assertThat((double) violations / trials).isLessThanOrEqualTo(delta);
        assertThat(capServed).isGreaterThan(trials * 9 / 10); // caps 7..4 are safe and cheaper than full

        // Without caps, the thresholds alone at the whole δ: the same choice as one fixed sequence.
        List<RiskPoint> plain = new ArrayList<>();
        plain.add(new RiskPoint(0, 8, 1, 0, 0, 0));
        for (int j = 0; j < 6; j++) {
            plain.add(new RiskPoint(0.1 * (j + 1), 7 - j, (7 - j) / 8.0, 0.005 * j, 0.2, 0));
        }
        double[] mean = plain.stream().mapToDouble(p -> (p.risk() + 1) / 2).toArray();
        double[] var = plain.stream().mapToDouble(p -> Math.pow(p.riskStd() / 2, 2)).toArray();
        assertThat(RiskCalibration.chosenIndex(plain, n, eps, 0.9))
                .isEqualTo(RiskControl.fixedSequence(mean, var, n, (eps + 1) / 2, 0.1))
                .isPositive();
    }

    /**
     * The betting p-value where the truth is known, on losses shaped like the early-exit ones: most
     * windows change by a few percent, 4 % double their error or worse (+1) and 3 % halve it or
     * better (−1). Over 300 draws of 1 000 windows it rejects a true risk just above ε in at most
     * δ of them, and a true risk 2.5 points below ε far more often than the Bernstein p-value on
     * the same draws, which pays a fixed range penalty.
     */
    @Test
    void bettingPValueKeepsTheLevelAndHasMorePowerOnSpikyLosses() {
        double eps = 0.05;
        double delta = 0.05;
        double alpha = (eps + 1) / 2;
        int n = 1000;
        SplittableRandom rng = new SplittableRandom(21);
        int falseRejections = 0;
        int bettingRejections = 0;
        int bernsteinRejections = 0;
        int trials = 300;
        for (int t = 0; t < trials; t++) {
            double[] atNull = spiky(rng, eps + 0.003, n);
            if (RiskControl.bettingPValue(atNull, alpha, delta) <= delta) {
                falseRejections++;
            }
            double[] safe = spiky(rng, eps - 0.025, n);
            if (RiskControl.bettingPValue(safe, alpha, delta) <= delta) {
                bettingRejections++;
            }
            double m = 0;
            double m2 = 0;
            for (double x : safe) {
                m += x / n;
            }
            for (double x : safe) {
                m2 += (x - m) * (x - m) / (n - 1);
            }
            if (RiskControl.pValue(m, m2, n, alpha) <= delta) {
                bernsteinRejections++;
            }
        }
        assertThat((double) falseRejections / trials).isLessThanOrEqualTo(delta);
        assertThat(bettingRejections)
                .as("betting %d, Bernstein %d of %d", bettingRejections, bernsteinRejections, trials)
                .isGreaterThan(trials * 6 / 10)
                .isGreaterThan(2 * bernsteinRejections);
    }

    /** {@code n} losses mapped to [0, 1] whose signed form has mean {@code risk}: spikes at ±1, the rest near it. */
    private static double[] spiky(SplittableRandom rng, double risk, int n) {
        double up = 0.04;
        double down = 0.03;
        // The bulk's mean makes the whole mean equal to risk.
        double bulk = (risk - up + down) / (1 - up - down);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            double l = u < up ? 1 : u < up + down ? -1 : Math.max(-1, Math.min(1, bulk + 0.05 * gaussian(rng)));
            out[i] = (l + 1) / 2;
        }
        return out;
    }

    @Test
    void windowLossesRoundUpAndKeepEveryWindowOnce() {
        double[][] losses = {{-1, -0.5, 0, 0.123456, 1}, {0.3, 0.2, 0.1, 0, -0.1}};
        int[] idx = {0, 2, 3, 4};
        String text = WindowLosses.encode(losses, idx);
        double[][] back = WindowLosses.decode(text, 2, 4);
        int[] order = WindowLosses.order(4);
        assertThat(order).containsExactlyInAnyOrder(0, 1, 2, 3);
        for (int p = 0; p < 2; p++) {
            for (int k = 0; k < 4; k++) {
                double x = (losses[p][idx[order[k]]] + 1) / 2;
                assertThat(back[p][k]).isGreaterThanOrEqualTo(x).isCloseTo(x, within(1.0 / 65535));
            }
        }
        assertThat(WindowLosses.decode(text, 2, 5)).isNull();
        assertThat(WindowLosses.decode("not base64!", 2, 4)).isNull();
    }

    /** Mean and standard deviation of {@code n} losses with true mean {@code risk}, spread ±0.3. */
    private static double[] sample(SplittableRandom rng, double risk, int n) {
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double l = Math.max(-1, Math.min(1, risk + 0.3 * gaussian(rng)));
            s += l;
            s2 += l * l;
        }
        double m = s / n;
        return new double[] {m, Math.sqrt(s2 / n - m * m)};
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void nothingPassesWhenEveryThresholdIsTooRisky() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] r = empiricalRisks(300, rng);
        // ε below the smallest non-zero true risk (0.75 %): only full depth is certified.
        assertThat(RiskControl.fixedSequence(r, 300, 0.002, 0.1)).isZero();
    }

    @Test
    void hoeffdingBentkusPValueBehaves() {
        assertThat(RiskControl.hoeffdingBentkus(0, 1000, 0.05)).isLessThan(1e-10);
        assertThat(RiskControl.hoeffdingBentkus(0.05, 1000, 0.05)).isGreaterThan(0.5);
        assertThat(RiskControl.hoeffdingBentkus(0.2, 1000, 0.05)).isEqualTo(1.0);
        assertThat(RiskControl.hoeffdingBentkus(0.03, 1000, 0.05))
                .isLessThan(RiskControl.hoeffdingBentkus(0.03, 200, 0.05));
        assertThat(RiskControl.binomialCdf(2, 4, 0.5)).isCloseTo(11.0 / 16, within(1e-12));
    }

    @Test
    void storedStatisticsServeAnyToleranceAndConfidence() {
        List<RiskPoint> points = new ArrayList<>();
        for (int j = 0; j < 10; j++) {
            points.add(new RiskPoint(j / 10.0, 8 - 0.7 * j, (8 - 0.7 * j) / 8, 0.01 * j, 0.05, 0.01 * j));
        }
        var rc = new RiskCalibration(70, 2000, 0.05, 0.9, 0.3, List.of(), points, null, null, null);
        double loose = rc.pointFor(0.1, 0.9).computeFraction();
        double strict = rc.pointFor(0.02, 0.9).computeFraction();
        double confident = rc.pointFor(0.1, 0.999).computeFraction();
        assertThat(loose).isLessThan(strict);
        assertThat(confident).isGreaterThanOrEqualTo(loose);
        assertThat(rc.pointFor(0, 0.9).threshold()).isZero();
        for (double eps : new double[] {0.02, 0.05, 0.1}) {
            assertThat(rc.pointFor(eps, 0.9).risk()).isLessThanOrEqualTo(eps);
        }
    }
}
