package io.nbaprops.ops.alert;

import java.util.Objects;

/**
 * An alert to raise. {@code key} says which alerts are the same problem (e.g. {@code run_failed:feature_store:2025-01-05}):
 * repeats of an open key inside the de-duplication window are counted, not delivered again.
 */
public record Alert(Severity severity, String kind, String key, String title, String detail) {
    public Alert {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
    }
}
