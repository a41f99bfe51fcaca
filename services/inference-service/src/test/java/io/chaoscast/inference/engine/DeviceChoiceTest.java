package io.chaoscast.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {

    @Test
    void autoPicksTheGpuOnlyWhenTheEngineSeesOne() {
        Device d = DeviceChoice.choose("auto");
        assertThat(d.isGpu()).isEqualTo(Engine.getInstance().getGpuCount() > 0);
        assertThat(DeviceChoice.choose("CPU")).isEqualTo(Device.cpu());
        assertThat(DeviceChoice.describe(Device.cpu())).isEqualTo("cpu");
    }

    @Test
    void forcingAGpuWithoutOneFailsWithAClearMessage() {
        assumeThat(Engine.getInstance().getGpuCount()).isZero();
        assertThatThrownBy(() -> DeviceChoice.choose("gpu"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chaoscast.inference.device=gpu")
                .hasMessageContaining("sees no GPU");
    }

    @Test
    void unknownSettingNamesTheAllowedOnes() {
        assertThatThrownBy(() -> DeviceChoice.choose("tpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, cpu, gpu");
    }
}
