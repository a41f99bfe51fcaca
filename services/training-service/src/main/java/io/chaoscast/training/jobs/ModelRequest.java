package io.chaoscast.training.jobs;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code model} part of a training request: a {@code type} and the hyperparameters of that
 * type at the same level, e.g. {@code {"type": "early-exit", "blocks": 6, "contextLength": 32}}.
 */
public final class ModelRequest {

    @NotBlank
    private final String type;

    private final Map<String, Object> hyperparameters = new LinkedHashMap<>();

    @JsonCreator
    public ModelRequest(@JsonProperty("type") String type) {
        this.type = type;
    }

    public ModelRequest(String type, Map<String, Object> hyperparameters) {
        this.type = type;
        this.hyperparameters.putAll(hyperparameters);
    }

    @JsonProperty("type")
    public String type() {
        return type;
    }

    @JsonAnySetter
    public void put(String key, Object value) {
        hyperparameters.put(key, value);
    }

    @JsonAnyGetter
    public Map<String, Object> hyperparameters() {
        return hyperparameters;
    }
}
