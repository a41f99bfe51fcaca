package io.chaoscast.models.earlyexit;

import io.chaoscast.models.calibration.CalibrationTable;
import io.chaoscast.models.calibration.RiskCalibration;
import io.chaoscast.models.data.Standardization;

/**
 * Everything besides the weights that an early-exit model needs at inference, stored as JSON in
 * the artifact.
 *
 * @param architecture the network shape
 * @param standardization per-dimension statistics of the training data
 * @param incrementScale {@code [horizon * dimension]}: root mean square of the standardised
 *     increment {@code x(t+k) - x(t)} on the training data; exit heads output increments in these
 *     units, so their targets are of order one at every step ahead
 * @param errorScale mean squared error of persistence on the training windows (standardised):
 *     the loss unit, so losses read as fractions of persistence error
 * @param loss the loss weights the model was trained with
 * @param calibration the threshold calibration, or {@code null} before calibration
 * @param base the fitted base model when the architecture has one, else {@code null} (also in
 *     specs written before the field existed). With a base, {@code incrementScale} is the RMS of
 *     the base model's standardised error per step ahead and dimension (the unit of the exits'
 *     corrections) and {@code errorScale} the base model's mean squared error
 * @param router decides each row's exit depth once per pass ({@link ExitRouter}); null in specs
 *     written before it existed, which then decide with the per-block uncertainty module
 * @param risk the forecast-level (Learn-then-Test) calibration of the router's threshold, or null
 */
public record EarlyExitSpec(
        EarlyExitArchitecture architecture,
        Standardization standardization,
        double[] incrementScale,
        double errorScale,
        LossSettings loss,
        CalibrationTable calibration,
        ResidualBase base,
        ExitRouter router,
        RiskCalibration risk) {

    public EarlyExitSpec {
        int n = architecture.horizon() * architecture.dimension();
        if (incrementScale.length != n) {
            throw new IllegalArgumentException("incrementScale must have horizon * dimension = " + n + " entries, found "
                    + incrementScale.length);
        }
        if (standardization.dimension() != architecture.dimension()) {
            throw new IllegalArgumentException("standardization has dimension " + standardization.dimension()
                    + " but the architecture has " + architecture.dimension());
        }
        if (!(errorScale > 0)) {
            throw new IllegalArgumentException("errorScale must be positive, found " + errorScale);
        }
        if (architecture.hasBase() != (base != null)) {
            throw new IllegalArgumentException("architecture base is " + architecture.base() + " but the spec "
                    + (base == null ? "has no" : "has a") + " fitted base model");
        }
        if (router != null && router.exits() != architecture.blocks() - 1) {
            throw new IllegalArgumentException("router scores " + router.exits() + " exits but the network has "
                    + (architecture.blocks() - 1) + " early exits");
        }
        incrementScale = incrementScale.clone();
    }

    /** Without router and risk calibration (specs written before they existed). */
    public EarlyExitSpec(
            EarlyExitArchitecture architecture,
            Standardization standardization,
            double[] incrementScale,
            double errorScale,
            LossSettings loss,
            CalibrationTable calibration,
            ResidualBase base) {
        this(architecture, standardization, incrementScale, errorScale, loss, calibration, base, null, null);
    }

    /** Without a base model. */
    public EarlyExitSpec(
            EarlyExitArchitecture architecture,
            Standardization standardization,
            double[] incrementScale,
            double errorScale,
            LossSettings loss,
            CalibrationTable calibration) {
        this(architecture, standardization, incrementScale, errorScale, loss, calibration, null, null, null);
    }

    public EarlyExitSpec withCalibration(CalibrationTable table) {
        return new EarlyExitSpec(architecture, standardization, incrementScale, errorScale, loss, table, base, router, risk);
    }

    public EarlyExitSpec withRouter(ExitRouter r) {
        return new EarlyExitSpec(architecture, standardization, incrementScale, errorScale, loss, calibration, base, r, null);
    }

    public EarlyExitSpec withRisk(RiskCalibration r) {
        return new EarlyExitSpec(architecture, standardization, incrementScale, errorScale, loss, calibration, base, router, r);
    }
}
