package io.chaoscast.training.delivery;

import io.chaoscast.contracts.results.MetricPointRequest;
import java.util.List;
import java.util.function.Consumer;

/** A run's metric points in requests of at most {@value #SIZE}: one request per batch, in order. */
final class MetricBatches {

    static final int SIZE = 10_000;

    private MetricBatches() {}

    static void forEach(List<MetricPointRequest> points, Consumer<List<MetricPointRequest>> send) {
        for (int from = 0; from < points.size(); from += SIZE) {
            send.accept(points.subList(from, Math.min(points.size(), from + SIZE)));
        }
    }
}
