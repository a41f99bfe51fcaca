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
 * @param blend with a base: the share of the network's correction that is applied, in [0, 1],
 *     fitted on validation rollouts after training (0: the base alone, so the model is never
 *     worse than its base on validation); {@code null} means 1, as in specs written before it
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
        RiskCalibration risk,
        Double blend) {

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
        if (blend != null && !(blend >= 0 && blend <= 1)) {
            throw new IllegalArgumentException("blend must be between 0 and 1, found " + blend);
        }
        incrementScale = incrementScale.clone();
    }

    /** Without router, risk calibration and blend (specs written before they existed). */
    public EarlyExitSpec(
            EarlyExitArchitecture architecture,
            Standardization standardization,
            double[] incrementScale,
            double errorScale,
            LossSettings loss,
            CalibrationTable calibration,
            ResidualBase base) {
        this(architecture, standardization, incrementScale, errorScale, loss, calibration, base, null, null, null);
    }

    /** With a correction blend, without router and risk calibration. */
    public EarlyExitSpec(
            EarlyExitArchitecture architecture,
            Standardization standardization,
            double[] incrementScale,
            double errorScale,
            LossSettings loss,
            CalibrationTable calibration,
            ResidualBase base,
            Double blend) {
        this(architecture, standardization, incrementScale, errorScale, loss, calibration, base, null, null, blend);
    }

    /** With router and risk calibration, full correction. */
    public EarlyExitSpec(
            EarlyExitArchitecture architecture,
            Standardization standardization,
            double[] incrementScale,
            double errorScale,
            LossSettings loss,
            CalibrationTable calibration,
            ResidualBase base,
            ExitRouter router,
            RiskCalibration risk) {
        this(architecture, standardization, incrementScale, errorScale, loss, calibration, base, router, risk, null);
    }

    /** {@link #blend()} with its default, 1. */
    public double correctionWeight() {
        return blend == null ? 1.0 : blend;
    }

    public EarlyExitSpec withBlend(double weight) {
        return new EarlyExitSpec(architecture, standardization, incrementScale, errorScale, loss, calibration, base, router, risk, weight);
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
        return new EarlyExitSpec(architecture, standardization, incrementScale, errorScale, loss, table, base, router, risk, blend);
    }

    public EarlyExitSpec withRouter(ExitRouter r) {
        return new EarlyExitSpec(architecture, standardization, incrementScale, errorScale, loss, calibration, base, r, null, blend);
    }

    public EarlyExitSpec withRisk(RiskCalibration r) {
        return new EarlyExitSpec(architecture, standardization, incrementScale, errorScale, loss, calibration, base, router, r, blend);
    }
}
