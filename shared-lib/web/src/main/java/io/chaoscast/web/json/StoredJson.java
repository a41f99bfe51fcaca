package io.chaoscast.web.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper for JSON a service wrote to its own tables (queued requests, outbox entries,
 * remembered answers), as opposed to request bodies.
 */
public final class StoredJson {

    private StoredJson() {}

    /**
     * The application's mapper without {@code fail-on-unknown-properties}: request bodies refuse
     * unknown fields, but a row written by an older version (a queued job, a run's provenance, a
     * remembered idempotent answer) must stay readable after a record loses a field, or work that
     * survived a restart would fail on the upgrade.
     */
    public static JsonMapper mapper(JsonMapper requests) {
        return requests.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }
}
