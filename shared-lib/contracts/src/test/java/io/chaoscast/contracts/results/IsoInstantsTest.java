package io.chaoscast.contracts.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IsoInstantsTest {

    @Test
    void readsWhatInstantToStringWritesExactly() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 5_000_000_000L), random.nextInt(1_000_000_000));
            if (i % 3 == 0) {
                t = Instant.ofEpochSecond(t.getEpochSecond(), (t.getNano() / 1_000) * 1_000);
            } else if (i % 3 == 1) {
                t = Instant.ofEpochSecond(t.getEpochSecond());
            }
            assertThat(IsoInstants.parse(t.toString())).isEqualTo(t);
        }
    }

    @Test
    void fallsBackToTheGeneralParser() {
        assertThat(IsoInstants.parse("+12026-01-01T00:00:00Z")).isEqualTo(Instant.parse("+12026-01-01T00:00:00Z"));
        assertThatThrownBy(() -> IsoInstants.parse("2026-02-30T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.parse("2026-01-01T25:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.parse("yesterday")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void historyPointsAreReadWithIt() {
        MetricPointResponse p = JsonMapper.builder().build()
                .readValue("{\"step\":3,\"value\":0.5,\"timestamp\":\"2026-01-31T12:00:00.123456Z\"}", MetricPointResponse.class);
        assertThat(p.timestamp()).isEqualTo(Instant.parse("2026-01-31T12:00:00.123456Z"));
    }
}
