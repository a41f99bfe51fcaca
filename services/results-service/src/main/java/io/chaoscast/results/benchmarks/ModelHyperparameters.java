package io.chaoscast.results.benchmarks;

import io.chaoscast.contracts.models.ModelHyperparameterRanges;
import io.chaoscast.web.problem.ApiException;
import java.util.List;
import java.util.Map;

/**
 * Checks a benchmark's models at creation against the API's table of model types and
 * hyperparameter ranges ({@link ModelHyperparameterRanges}, the one the training-service resolves
 * a training request's {@code model} against), so that a misspelt type or key, or a value out of
 * range, is a 400 instead of a stored benchmark whose cells all fail. What depends on a cell's
 * dataset (a context longer than its splits) is still checked when the training-service queues
 * the cell, and fails that cell with the reason.
 */
final class ModelHyperparameters {

    private ModelHyperparameters() {}

    /**
     * Checks one benchmark model, flat as a training request takes it ({@code {"type": "nvar",
     * "taps": 2}}); a null value takes the type's default, as in a training request.
     *
     * @param field the model's place in the request, e.g. {@code models[1]}
     * @throws ApiException naming {@code models[i].type} or {@code models[i].<key>} and the allowed values
     */
    static void check(String field, Map<String, Object> model) {
        Object given = model.get("type");
        String type = given instanceof String s ? ModelHyperparameterRanges.canonical(s).orElse(null) : null;
        if (type == null) {
            throw ApiException.invalidValue(
                    field + ".type", "must be one of " + ModelHyperparameterRanges.types() + ", found " + quote(given));
        }
        List<String> keys = ModelHyperparameterRanges.keys(type);
        for (Map.Entry<String, Object> e : model.entrySet()) {
            String key = e.getKey();
            Object raw = e.getValue();
            if (key.equals("type")) {
                continue;
            }
            if (!keys.contains(key)) {
                throw ApiException.invalidValue(field + "." + key, "is not a hyperparameter of " + type + "; allowed: " + keys);
            }
            if (raw == null) {
                continue;
            }
            if (key.equals("base")) {
                if (!ModelHyperparameterRanges.EARLY_EXIT_BASES.contains(raw)) {
                    throw ApiException.invalidValue(
                            field + ".base", "must be one of " + ModelHyperparameterRanges.EARLY_EXIT_BASES + ", found " + quote(raw));
                }
                continue;
            }
            ModelHyperparameterRanges.Range range = ModelHyperparameterRanges.range(type, key).orElseThrow();
            if (!(raw instanceof Number n) || !range.accepts(n.doubleValue())) {
                throw ApiException.invalidValue(field + "." + key, "must be " + range.describe() + ", found " + quote(raw));
            }
        }
        if (type.equals(ModelHyperparameterRanges.EARLY_EXIT) && model.get("contextLength") instanceof Number context
                && context.intValue() < ModelHyperparameterRanges.NVAR_BASE_TAPS && !"none".equals(model.get("base"))) {
            throw ApiException.invalidValue(field + ".contextLength", "must be at least " + ModelHyperparameterRanges.NVAR_BASE_TAPS
                    + " with the nvar base (its delay taps), found " + context + "; or set " + field + ".base to none");
        }
    }

    private static String quote(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
