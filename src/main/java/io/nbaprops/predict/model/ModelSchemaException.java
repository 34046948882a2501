package io.nbaprops.predict.model;

/** A model trained on another feature schema than the one being served: refusing to load it prevents train/serve skew. */
public class ModelSchemaException extends RuntimeException {
    public ModelSchemaException(String message) {
        super(message);
    }
}
