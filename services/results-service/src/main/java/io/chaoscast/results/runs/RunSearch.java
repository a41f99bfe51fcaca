package io.chaoscast.results.runs;

import io.chaoscast.web.problem.ApiException;
import io.chaoscast.contracts.results.RunKind;
import io.chaoscast.contracts.results.RunStatus;
import io.chaoscast.contracts.results.SortOrder;
import io.chaoscast.results.web.Fields;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters and sort of {@code GET /api/v1/runs}, turned into SQL with bound parameters only
 * (nothing the client sends is pasted into the SQL text).
 */
record RunSearch(String where, List<Object> args, String join, List<Object> joinArgs, String orderBy) {

    /** Parameters of the page query: the join's come before the WHERE's in the SQL text. */
    List<Object> searchArgs() {
        List<Object> all = new ArrayList<>(joinArgs);
        all.addAll(args);
        return all;
    }

    static RunSearch of(
            String experiment,
            String kind,
            String status,
            String system,
            String modelType,
            List<String> tags,
            String sortMetric,
            String order) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (experiment != null) {
            where.append(" AND e.name = ?");
            args.add(experiment);
        }
        if (kind != null) {
            where.append(" AND r.kind = ?");
            args.add(parse("kind", () -> RunKind.fromWire(kind).wireName()));
        }
        if (status != null) {
            where.append(" AND r.status = ?");
            args.add(parse("status", () -> RunStatus.fromWire(status).wireName()));
        }
        if (system != null) {
            where.append(" AND r.system_name = ?");
            args.add(system);
        }
        if (modelType != null) {
            where.append(" AND r.model_type = ?");
            args.add(modelType);
        }
        if (tags != null) {
            for (String tag : tags) {
                int eq = tag.indexOf('=');
                String key = eq < 0 ? tag : tag.substring(0, eq);
                Fields.required("tag", key, Fields.MAX_KEY_LENGTH);
                if (eq < 0) {
                    where.append(" AND EXISTS (SELECT 1 FROM results.run_tags t WHERE t.run_id = r.id AND t.key = ?)");
                    args.add(key);
                } else {
                    where.append(" AND EXISTS (SELECT 1 FROM results.run_tags t WHERE t.run_id = r.id AND t.key = ?"
                            + " AND t.value = ?)");
                    args.add(key);
                    args.add(tag.substring(eq + 1));
                }
            }
        }
        SortOrder direction = order == null ? SortOrder.ASC : parse("order", () -> SortOrder.fromWire(order));
        if (sortMetric == null) {
            if (order != null) {
                throw ApiException.invalidValue("order", "needs sortMetric (runs without one are listed newest first)");
            }
            return new RunSearch(where.toString(), args, "", List.of(), "r.start_time DESC, r.id");
        }
        Fields.required("sortMetric", sortMetric, Fields.MAX_KEY_LENGTH);
        return new RunSearch(
                where.toString(),
                args,
                "LEFT JOIN results.metric_latest m ON m.run_id = r.id AND m.key = ?",
                List.of(sortMetric),
                "m.value " + (direction == SortOrder.ASC ? "ASC" : "DESC") + " NULLS LAST, r.start_time DESC, r.id");
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidValue(field, e.getMessage());
        }
    }
}
