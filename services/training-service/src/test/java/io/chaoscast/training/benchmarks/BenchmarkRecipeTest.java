package io.chaoscast.training.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.contracts.benchmarks.BenchmarkProtocol;
import io.chaoscast.contracts.datasets.DatasetRequest;
import io.chaoscast.contracts.datasets.SystemResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkRecipeTest {

    private static final BenchmarkProtocol QUICK = new BenchmarkProtocol("quick", 30, 40, 20, 5, 0, 20);

    private static SystemResponse system(String kind, double period, double lyapunovTime) {
        return new SystemResponse("S", kind, 2, Map.of(), new double[] {0.1, 0.1}, period, 1 / lyapunovTime, lyapunovTime, null, "", "",
                "analytic", null);
    }

    private static int trainPoints(DatasetRequest r) {
        return (int) Math.round(r.split().train() * r.length());
    }

    @Test
    void flowIsSampledAtTheProtocolsPointsPerPeriodWithRoomForHorizonAndOrigins() {
        DatasetRequest r = BenchmarkRecipe.of(system("flow", 2.0, 4.0), QUICK, 3);
        assertThat(r.pointsPerPeriod()).isEqualTo(30.0);
        assertThat(trainPoints(r)).isEqualTo(1200);
        // 200 context + 5 LT x 2 periods/LT x 30 points + 20 origins x 8 points apart
        int test = (int) Math.round(r.split().test() * r.length());
        assertThat(test).isEqualTo(200 + 300 + 160);
        assertThat(r.seed()).isEqualTo(3L);
    }

    @Test
    void mapIsSampledOncePerIterationWithAsManyTrainingPointsAsAFlow() {
        DatasetRequest r = BenchmarkRecipe.of(system("map", 1.0, 2.5), QUICK, 0);
        assertThat(r.pointsPerPeriod()).isNull();
        assertThat(trainPoints(r)).isEqualTo(1200);
        // 200 context + ceil(5 LT x 2.5 iterations) + 20 origins one iteration apart
        int test = (int) Math.round(r.split().test() * r.length());
        assertThat(test).isEqualTo(200 + 13 + 20);
    }

    @Test
    void horizonOfASystemWithAVeryLongLyapunovTimeIsCapped() {
        // SprottA: a Lyapunov time of about 1000 periods would ask for 150 000 test points.
        DatasetRequest r = BenchmarkRecipe.of(system("flow", 6.37, 6420), QUICK, 0);
        int test = (int) Math.round(r.split().test() * r.length());
        assertThat(test).isEqualTo(200 + BenchmarkRecipe.MAX_HORIZON_PERIODS * 30 + 160);
    }
}
