package io.chaoscast.inference.engine;

/** No model is registered under the id asked for. */
public class UnknownModelException extends RuntimeException {

    private final String modelId;

    public UnknownModelException(String modelId) {
        super("no model is registered with id '" + modelId + "'");
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }
}
