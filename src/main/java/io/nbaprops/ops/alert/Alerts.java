package io.nbaprops.ops.alert;

import java.util.List;
import java.util.Optional;

/** The one alert path: every part of the platform raises through this; the dashboard lists and acknowledges. */
public interface Alerts {
    /** Records the alert (or counts a repeat of an open one) and delivers it when new. Never throws. */
    Raised raise(Alert alert);

    /** Most recent first; {@code openOnly} leaves out acknowledged ones. */
    List<AlertRecord> recent(int limit, boolean openOnly);

    Optional<AlertRecord> find(String alertId);

    /** Marks an open alert acknowledged; false when there is no such open alert. */
    boolean ack(String alertId, String by);

    /** The stored alert and whether this raise created it (a repeat inside the window is not new and is not delivered). */
    record Raised(AlertRecord record, boolean isNew) {}
}
