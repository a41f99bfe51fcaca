package io.chaoscast.models.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExitPolicyTest {

    @Test
    void namesParseBack() {
        for (ExitPolicy p : new ExitPolicy[] {
            ExitPolicy.full(), ExitPolicy.fixed(3), ExitPolicy.dynamic(0.25), ExitPolicy.dynamic(0.25, 3)
        }) {
            assertThat(ExitPolicy.parse(p.name())).isEqualTo(p);
        }
    }

    @Test
    void badPoliciesAreRejectedWithTheAllowedForms() {
        assertThatThrownBy(() -> ExitPolicy.parse("sometimes")).hasMessageContaining("full, fixed:<depth>");
        assertThatThrownBy(() -> ExitPolicy.dynamic(1.5)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> ExitPolicy.fixed(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ExitPolicy.parse("dynamic:0.2@0")).hasMessageContaining("maxDepth must be at least 1");
    }

    @Test
    void lastBlockAlwaysExits() {
        assertThat(ExitPolicy.dynamic(0).exitsAt(4, 4, 0.9)).isTrue();
        assertThat(ExitPolicy.fixed(9).exitsAt(4, 4, Double.NaN)).isTrue();
        assertThat(ExitPolicy.fixed(2).exitsAt(1, 4, Double.NaN)).isFalse();
        assertThat(ExitPolicy.full().exitsAt(3, 4, 0.0)).isFalse();
        assertThat(ExitPolicy.dynamic(0.3).exitsAt(1, 4, 0.2)).isTrue();
        assertThat(ExitPolicy.dynamic(0.3).exitsAt(1, 4, 0.4)).isFalse();
        // A cap exits there whatever the uncertainty says.
        assertThat(ExitPolicy.dynamic(0, 2).exitsAt(2, 4, 0.9)).isTrue();
        assertThat(ExitPolicy.dynamic(0, 2).exitsAt(1, 4, 0.9)).isFalse();
    }
}
