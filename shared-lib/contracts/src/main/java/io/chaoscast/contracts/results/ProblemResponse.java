package io.chaoscast.contracts.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An RFC 7807 problem as the ChaosCast services write it.
 *
 * @param field the request field at fault (e.g. {@code metrics[17].value}), when there is one
 * @param errors every field at fault, when there are several
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProblemResponse(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        String field,
        List<FieldErrorResponse> errors) {

    /** One field at fault. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldErrorResponse(String field, String message) {}
}
