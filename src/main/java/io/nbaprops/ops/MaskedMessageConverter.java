package io.nbaprops.ops;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.nbaprops.config.Secrets;

/** Log layout converter {@code %maskedMsg}: the formatted message with every known secret masked. */
public final class MaskedMessageConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.mask(event.getFormattedMessage());
    }
}
