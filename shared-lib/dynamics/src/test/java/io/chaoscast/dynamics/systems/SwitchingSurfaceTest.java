package io.chaoscast.dynamics.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SwitchingSurfaceTest {

    private static final SystemInfo INFO =
            new SystemInfo("Switch", List.of("vs"), new double[] {0.4}, new double[] {1, 2}, 1.0, "test", "test");

    @Test
    void aPlaneAtAParameterMovesWithIt() {
        SwitchingSurface plane = SwitchingSurface.atParameter(1, 0);
        assertThat(plane.level(new double[] {0.4})).isEqualTo(0.4);
        assertThat(plane.level(new double[] {-2.5})).isEqualTo(-2.5);
        assertThat(plane).hasToString("y[1] = p[0]");
        assertThat(SwitchingSurface.at(0, 0.5).level(new double[] {0.4})).isEqualTo(0.5);
    }

    @Test
    void aPlaneOutsideTheStateIsRefusedWhenTheFlowIsBuilt() {
        FlowSystem.SwitchedEquations f = (t, y, p, sides, d) -> {};
        assertThatThrownBy(() -> new FlowSystem(INFO, f, null, List.of(SwitchingSurface.at(2, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Switch: switching plane y[2] = 0.0 outside the state of dimension 2");
        assertThat(new FlowSystem(INFO, f, null, List.of(SwitchingSurface.atParameter(1, 0))).switchingSurfaces())
                .hasSize(1);
        assertThatThrownBy(() -> SwitchingSurface.at(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
