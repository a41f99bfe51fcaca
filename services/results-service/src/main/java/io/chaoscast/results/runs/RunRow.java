package io.chaoscast.results.runs;

import io.chaoscast.contracts.results.Provenance;
import io.chaoscast.contracts.results.RunKind;
import io.chaoscast.contracts.results.RunStatus;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code results.runs} with its experiment's name; never sent out as is. */
record RunRow(
        UUID id,
        UUID experimentId,
        String experimentName,
        String name,
        RunKind kind,
        RunStatus status,
        String systemName,
        String datasetId,
        String modelType,
        Instant startTime,
        Instant endTime,
        String failureReason,
        Provenance provenance) {}
