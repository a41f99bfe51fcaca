package io.chaoscast.inference.forecast;

import io.chaoscast.inference.engine.DeviceChoice;
import io.chaoscast.inference.engine.ForecastOutcome;
import io.chaoscast.inference.engine.ForecastReply;
import io.chaoscast.inference.engine.InferenceEngine;
import io.chaoscast.inference.engine.InvalidForecastException;
import io.chaoscast.inference.telemetry.ForecastStatistics;
import io.chaoscast.inference.telemetry.ResultsTelemetry;
import io.chaoscast.inference.telemetry.ServingMetrics;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The forecast API: HTTP in, engine call, HTTP out. */
@RestController
@RequestMapping("/api/v1/models/{modelId}")
public class ForecastController {

    private final InferenceEngine engine;
    private final ServingMetrics metrics;
    private final ResultsTelemetry telemetry;
    private final String device;

    public ForecastController(InferenceEngine engine, ServingMetrics metrics, ResultsTelemetry telemetry) {
        this.engine = engine;
        this.metrics = metrics;
        this.telemetry = telemetry;
        this.device = DeviceChoice.describe(engine.device());
    }

    /** The input limits, as the OpenAPI description gives them (docs/inference.md has the full list). */
    static final String LIMITS = " Limits (400 invalid-field naming the field): horizon 1 to"
            + " chaoscast.inference.limits.max-horizon (default 10000); a context holds the model's context length up to"
            + " max-context-rows (default 10000) states of the model's dimension, all finite (NaN and Infinity are refused),"
            + " and only the last context-length states are read; each state read must lie within"
            + " max-context-deviation (default 1000) standard deviations of the mean of the data the model was trained on, per"
            + " dimension, for models whose artifact records that scale (early-exit, echo state network, NVAR on"
            + " standardised inputs), else 400 naming the value, e.g. context[3][0]; at most max-output-values"
            + " (default 1000000) numbers (contexts x horizon x dimension) per answer. A forecast whose rollout overflows"
            + " (leaves the range of floating-point numbers) is never answered as numbers: 400 naming the context"
            + " (context, or contexts[i] in a batch) and the step it overflowed at. Requests are checked and"
            + " answered one by one even when batched together: one request's bad context never fails another.";

    @Operation(
            summary = "Forecast horizon steps after one context",
            description = "A horizon longer than the model's steps per pass rolls the model out on its own output;"
                    + " exit chooses how deep each pass runs." + LIMITS)
    @PostMapping("/forecast")
    public ForecastResponse forecast(@PathVariable String modelId, @RequestBody ForecastRequest request) {
        long start = System.nanoTime();
        if (request == null) {
            throw new InvalidForecastException("body", "a JSON body with context, horizon and exit is required");
        }
        double[][][] contexts = request.context() == null ? null : new double[][][] {request.context()};
        ForecastReply reply = engine.forecast(modelId, contexts, horizon(modelId, request.horizon()), request.exit(),
                "context");
        ForecastOutcome o = reply.outcome();
        long latency = System.nanoTime() - start;
        answered(reply, "forecast", latency);
        return new ForecastResponse(
                reply.model().descriptor().id(),
                o.forecasts()[0],
                o.exitDepths()[0],
                boxed(o.uncertainties()[0]),
                o.meanDepth(),
                reply.model().spec().depth(),
                o.computeSaved(),
                reply.exit().policy().name(),
                reply.exit().threshold(),
                reply.exit().tolerance(),
                reply.exit().confidence(),
                device,
                latency / 1e6,
                o.queueNanos() / 1e6,
                o.batchRows());
    }

    @Operation(
            summary = "Forecast horizon steps after each of several contexts",
            description = "All contexts share the horizon and exit policy; at most"
                    + " chaoscast.inference.limits.max-batch-contexts (default 1024) contexts." + LIMITS)
    @PostMapping("/forecast/batch")
    public BatchForecastResponse batch(@PathVariable String modelId, @RequestBody BatchForecastRequest request) {
        long start = System.nanoTime();
        if (request == null) {
            throw new InvalidForecastException("body", "a JSON body with contexts, horizon and exit is required");
        }
        ForecastReply reply = engine.forecast(
                modelId, request.contexts(), horizon(modelId, request.horizon()), request.exit(), "contexts");
        ForecastOutcome o = reply.outcome();
        List<BatchForecastResponse.Item> items = new ArrayList<>(o.forecasts().length);
        for (int i = 0; i < o.forecasts().length; i++) {
            int[] depths = o.exitDepths()[i];
            double sum = 0;
            for (int d : depths) {
                sum += d;
            }
            items.add(new BatchForecastResponse.Item(
                    o.forecasts()[i], depths, boxed(o.uncertainties()[i]), depths.length == 0 ? 0 : sum / depths.length));
        }
        long latency = System.nanoTime() - start;
        answered(reply, "batch", latency);
        return new BatchForecastResponse(
                reply.model().descriptor().id(),
                items,
                o.meanDepth(),
                reply.model().spec().depth(),
                o.computeSaved(),
                reply.exit().policy().name(),
                reply.exit().threshold(),
                reply.exit().tolerance(),
                reply.exit().confidence(),
                device,
                latency / 1e6,
                o.queueNanos() / 1e6);
    }

    /** A missing horizon means one forward pass of the model. */
    private int horizon(String modelId, Integer horizon) {
        return horizon != null ? horizon : engine.cache().get(modelId).spec().stepsPerPass();
    }

    /** Meters and telemetry key on the registered id, whichever spelling the caller used. */
    private void answered(ForecastReply reply, String endpoint, long latencyNanos) {
        String modelId = reply.model().descriptor().id();
        ForecastOutcome o = reply.outcome();
        String policy = reply.exit().policy().name().replaceAll(":.*", "");
        metrics.answered(modelId, endpoint, o, policy, latencyNanos);
        var d = reply.model().descriptor();
        telemetry.offer(new ForecastStatistics(
                modelId,
                d.name(),
                d.modelType(),
                d.systemName(),
                o.forecasts().length,
                o.meanDepth(),
                o.computeSaved(),
                latencyNanos / 1e6,
                o.batchRows()));
    }

    /** JSON has no NaN: models without an uncertainty module report null. */
    private static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isFinite(values[i]) ? values[i] : null;
        }
        return out;
    }
}
