package io.chaoscast.contracts.results;

import java.time.Instant;

/**
 * Body of {@code PATCH /api/v1/runs/{id}}. Null fields are left as they are.
 *
 * @param status the new status; a finished, failed or cancelled run cannot change status again
 * @param failureReason why the run failed (only with status {@code failed}), at most 4000 characters
 * @param endTime when the run ended, not before its start; defaults to now when the status becomes
 *     final
 */
public record UpdateRunRequest(RunStatus status, String failureReason, Instant endTime) {

    public static UpdateRunRequest finished() {
        return new UpdateRunRequest(RunStatus.FINISHED, null, null);
    }

    public static UpdateRunRequest failed(String reason) {
        return new UpdateRunRequest(RunStatus.FAILED, reason, null);
    }

    public static UpdateRunRequest cancelled() {
        return new UpdateRunRequest(RunStatus.CANCELLED, null, null);
    }
}
