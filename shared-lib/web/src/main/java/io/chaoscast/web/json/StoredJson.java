package io.chaoscast.results.web;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The mapper for JSON this service wrote to its own tables, as opposed to request bodies. */
public final class StoredJson {

    private StoredJson() {}

    /**
     * The application's mapper without {@code fail-on-unknown-properties}: request bodies refuse
     * unknown fields, but a row written by an older version (a benchmark's systems, a run's
     * provenance, a remembered idempotent answer) must stay readable after a record loses a field.
     */
    public static JsonMapper mapper(JsonMapper requests) {
        return requests.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }
}
