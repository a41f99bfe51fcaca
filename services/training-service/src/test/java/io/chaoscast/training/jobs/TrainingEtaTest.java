package io.chaoscast.training.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrainingEtaTest {

    /** A 60 s base-library search before epochs of 2 s, then 3 s once rollout training starts. */
    private static double clock(int epoch) {
        return 60 + 2 + 3.0 * (epoch - 1);
    }

    @Test
    void theSearchBeforeTheFirstEpochIsNotCountedAsEpochTime() {
        TrainingEta eta = new TrainingEta(0);
        eta.setUp(60);
        // 2 s per epoch, 29 left; counting the search in would have said 62 s per epoch (1 798 s).
        assertThat(eta.after(1, 30, clock(1))).isCloseTo(58, within(1e-9));
        // From the second epoch on: the epochs after the first, which carry the rollouts.
        assertThat(eta.after(2, 30, clock(2))).isCloseTo(3 * 28, within(1e-9));
        assertThat(eta.after(10, 30, clock(10))).isCloseTo(3 * 20, within(1e-9));
        assertThat(eta.after(30, 30, clock(30))).isZero();
    }

    @Test
    void aResumedTrainingKeepsItsRateFromTheEpochsItReportsAgain() {
        // A second worker: its own search took 5 s, then the checkpoint's 20 epochs come again with
        // the first worker's clock, then epoch 21 on the continued clock.
        TrainingEta eta = new TrainingEta(0);
        eta.setUp(5);
        for (int e = 1; e <= 20; e++) {
            eta.after(e, 30, clock(e));
        }
        assertThat(eta.after(21, 30, clock(21))).isCloseTo(3 * 9, within(1e-9));
    }

    @Test
    void theTimeBudgetCapsIt() {
        TrainingEta eta = new TrainingEta(100);
        eta.setUp(60);
        eta.after(1, 30, clock(1));
        // 3 s per epoch for 20 epochs would be 60 s, but the budget ends the training at 100 s.
        assertThat(eta.after(10, 30, clock(10))).isCloseTo(100 - clock(10), within(1e-9));
        assertThat(eta.after(15, 30, 120)).isZero();
    }

    @Test
    void withoutASetUpReportTheFirstEpochIsAllTheRateThereIs() {
        TrainingEta eta = new TrainingEta(0);
        assertThat(eta.after(1, 4, 2.5)).isCloseTo(7.5, within(1e-9));
        // A set-up longer than the clock (a clock restarted in between) gives no negative time.
        TrainingEta odd = new TrainingEta(0);
        odd.setUp(10);
        assertThat(odd.after(1, 4, 2.5)).isZero();
    }
}
