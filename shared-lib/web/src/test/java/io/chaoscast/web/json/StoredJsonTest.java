package io.chaoscast.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

class StoredJsonTest {

    record Settings(Integer epochs) {}

    @Test
    void storedRowsWithAFieldTheRecordLostStayReadableWhileRequestsStayStrict() {
        JsonMapper requests = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        // a job queued by a version whose settings still had a 'warmupEpochs' field
        String row = "{\"epochs\": 3, \"warmupEpochs\": 1}";
        assertThat(StoredJson.mapper(requests).readValue(row, Settings.class).epochs()).isEqualTo(3);
        assertThatThrownBy(() -> requests.readValue(row, Settings.class)).isInstanceOf(UnrecognizedPropertyException.class);
    }
}
