package io.chaoscast.web.problem;

import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * Names the field a JSON read failed on the way every ChaosCast problem names it: {@code
 * model.blocks}, {@code metrics[17].value}, {@code initialConditions[0][1]}. Shared so that all
 * services' 400s point at fields alike.
 */
public final class JsonFieldPath {

    private JsonFieldPath() {}

    /** The path of Jackson's references, or null when it is empty. */
    public static String of(List<JacksonException.Reference> references) {
        return of(null, references);
    }

    /**
     * @param root a name to start from (e.g. {@code metrics} for a top-level array), or null
     * @return the path, or null when both the root and the references are empty
     */
    public static String of(String root, List<JacksonException.Reference> references) {
        StringBuilder sb = new StringBuilder(root == null ? "" : root);
        for (JacksonException.Reference r : references) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
