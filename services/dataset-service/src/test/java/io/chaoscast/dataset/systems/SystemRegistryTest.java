package io.chaoscast.dataset.systems;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.systems.Flow;
import io.chaoscast.dynamics.systems.FlowSystem;
import org.junit.jupiter.api.Test;

/**
 * How a system's Jacobian is computed, as the API answers it, for a flow with and without its
 * analytic Jacobian and for a delay equation.
 */
class SystemRegistryTest {

    @Test
    void aFlowWithoutItsJacobianIsAnsweredAsFiniteDifferences() {
        Flow lorenz = (Flow) SystemCatalog.standard().find("Lorenz").orElseThrow();
        assertThat(SystemRegistry.jacobian(lorenz)).isEqualTo("analytic");
        FlowSystem withoutJacobian = new FlowSystem(lorenz.info(), lorenz::derivatives, null);
        assertThat(SystemRegistry.jacobian(withoutJacobian)).isEqualTo("finite-difference");
        assertThat(SystemRegistry.jacobian(SystemCatalog.standard().find("MackeyGlass").orElseThrow())).isNull();
    }
}
