package io.chaoscast.web.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A service's small table from its own domain exceptions (thrown by plain-Java code that knows
 * nothing of HTTP) to catalogue refusals. Declare one as a bean; the shared {@link
 * ProblemDetailsAdvice} consults every table before it calls an exception a 500.
 */
public final class ExceptionTable {

    private record Row<T extends Throwable>(Class<T> type, Function<? super T, ApiException> toProblem) {
        ApiException apply(Throwable t) {
            return toProblem.apply(type.cast(t));
        }
    }

    private final List<Row<?>> rows = new ArrayList<>();

    public <T extends Throwable> ExceptionTable map(Class<T> type, Function<? super T, ApiException> toProblem) {
        rows.add(new Row<>(type, toProblem));
        return this;
    }

    /** The refusal of the first row whose type matches {@code t} or one of its causes, if any. */
    public Optional<ApiException> translate(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (Row<?> row : rows) {
                if (row.type().isInstance(c)) {
                    return Optional.of(row.apply(c));
                }
            }
        }
        return Optional.empty();
    }
}
