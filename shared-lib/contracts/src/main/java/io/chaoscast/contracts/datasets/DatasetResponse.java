package io.chaoscast.contracts.datasets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;

/**
 * A dataset's state and metadata.
 *
 * @param id SHA-256 (hex) of the canonical JSON of the normalised recipe
 * @param status {@code generating}, {@code ready} or {@code failed}
 * @param progress 0 to 1
 * @param checksum SHA-256 (hex) of the data bytes: the float64 little-endian values of the whole
 *     {@code [trajectories, length, dimension]} array in C order, without the NPY header; null until ready
 * @param shape {@code [trajectories, length, dimension]}
 * @param samplingInterval time between samples (1 for maps)
 * @param lyapunovTime the system's Lyapunov time at these parameters when tabulated (default
 *     parameters only), else null
 * @param splits where train, val and test lie on the time axis
 * @param standardization the statistics used when the recipe asked for standardisation, else null
 * @param recipe the normalised recipe
 * @param failureReason why generation failed, else null
 * @param createdAt when the recipe was first posted
 * @param completedAt when generation ended (ready or failed)
 */
public record DatasetResponse(
        String id,
        String status,
        double progress,
        String checksum,
        int[] shape,
        double samplingInterval,
        Double lyapunovTime,
        Map<String, SplitRange> splits,
        Standardization standardization,
        DatasetRecipe recipe,
        String failureReason,
        Instant createdAt,
        Instant completedAt) {

    public static final String GENERATING = "generating";
    public static final String READY = "ready";
    public static final String FAILED = "failed";

    @JsonIgnore
    public boolean isReady() {
        return READY.equals(status);
    }

    @JsonIgnore
    public boolean isFailed() {
        return FAILED.equals(status);
    }
}
