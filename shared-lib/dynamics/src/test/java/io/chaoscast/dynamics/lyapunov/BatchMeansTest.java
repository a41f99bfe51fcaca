package io.chaoscast.dynamics.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class BatchMeansTest {

    /** Independent batches: the groups' spread adds nothing, and the error is sd / sqrt(n). */
    @Test
    void independentBatchesGiveTheTextbookError() {
        Random random = new Random(7);
        BatchMeans batches = batches(2000, i -> 0.5 + 0.1 * random.nextGaussian());
        assertThat(batches.batches()).isEqualTo(2000);
        assertThat(batches.exponents()[0]).isCloseTo(0.5, within(0.01));
        assertThat(batches.standardErrors()[0]).isCloseTo(0.1 / Math.sqrt(2000), within(0.25 * 0.1 / Math.sqrt(2000)));
    }

    /**
     * An orbit that lingers: the batch means swing between two levels in runs of 100 batches (as an
     * orbit trapped near an island for a hundred batches does). Each batch looks like its
     * neighbours, so their spread alone gives an error bar ten times too small; the groups see the
     * swing.
     */
    @Test
    void batchesThatLingerWidenTheErrorToWhatTheGroupsShow() {
        Random random = new Random(11);
        BatchMeans batches = batches(2000, i -> ((i / 100) % 2 == 0 ? 0.45 : 0.55) + 0.01 * random.nextGaussian());
        double fine = 0.05 / Math.sqrt(2000);
        double se = batches.standardErrors()[0];
        // 20 groups of 100 batches, alternating 0.45 and 0.55: sd 0.051 over sqrt(20).
        assertThat(se).isCloseTo(0.051 / Math.sqrt(20), within(0.002));
        assertThat(se).isGreaterThan(8 * fine);
        assertThat(batches.standardErrorOf(spectrum -> 2 * spectrum[0])).isCloseTo(2 * se, within(1e-12));
    }

    /**
     * From the least 20 batches of an adaptive run on, groups of two already count: batches in
     * pairs alternating 0, 0, 1, 1, ... give pair means 0, 1, 0, 1, ..., ten of them, whose error
     * exceeds the twenty batches'.
     */
    @Test
    void twentyBatchesAreJudgedInTenGroupsOfTwo() {
        BatchMeans batches = batches(20, i -> (i / 2) % 2);
        assertThat(batches.standardErrors()[0]).isCloseTo(Math.sqrt(10 * 0.25 / 9) / Math.sqrt(10), within(1e-12));
    }

    /**
     * 45 batches make 20 groups of two of the latest 40; the five earliest, here at 0.5 between the
     * two levels, are left out of the groups. Blocks of ten batches alternate 0 and 1, so the groups
     * read ten 0s and ten 1s.
     */
    @Test
    void groupsAreTakenFromTheLatestBatches() {
        BatchMeans batches = batches(45, i -> i < 5 ? 0.5 : ((i - 5) / 10) % 2);
        assertThat(batches.standardErrors()[0]).isCloseTo(Math.sqrt(20 * 0.25 / 19) / Math.sqrt(20), within(1e-12));
    }

    /** Three batches make no two groups: the batches' own error stands. */
    @Test
    void fewerThanFourBatchesKeepTheBatchError() {
        BatchMeans batches = batches(3, i -> new double[] {0, 1, 5}[i]);
        // mean 2, deviations -2, -1, 3: variance 7, over sqrt(3)
        assertThat(batches.standardErrors()[0]).isCloseTo(Math.sqrt(7.0 / 3), within(1e-12));
    }

    /** One exponent, {@code count} batches of unit length whose means are {@code mean(i)}, in order. */
    private static BatchMeans batches(int count, IntToDoubleFunction mean) {
        BatchMeans batches = new BatchMeans(1, 1.0);
        for (int i = 0; i < count; i++) {
            assertThat(batches.add(new double[] {mean.applyAsDouble(i)}, 1.0)).as("batch %d closes", i).isTrue();
        }
        return batches;
    }
}
