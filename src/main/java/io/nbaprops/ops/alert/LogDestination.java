package io.nbaprops.ops.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the alert to the application log (logger {@code io.nbaprops.alert}); cannot fail. */
public final class LogDestination implements AlertDestination {
    private static final Logger log = LoggerFactory.getLogger("io.nbaprops.alert");

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void send(AlertRecord a) {
        String line = "ALERT {} {} [{}]: {}";
        switch (a.severity()) {
            case "CRITICAL" -> log.error(line, a.severity(), a.title(), a.alertKey(), a.detail());
            case "WARNING" -> log.warn(line, a.severity(), a.title(), a.alertKey(), a.detail());
            default -> log.info(line, a.severity(), a.title(), a.alertKey(), a.detail());
        }
    }
}
