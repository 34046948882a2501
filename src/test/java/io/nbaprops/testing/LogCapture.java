package io.nbaprops.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import io.nbaprops.ops.MaskedMessageConverter;
import io.nbaprops.ops.MaskedThrowableConverter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/** Captures everything logged at DEBUG and above through the production layout (secret masking included). */
public final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Logger root;
    private final ch.qos.logback.classic.Level oldLevel;
    private final Logger ours;
    private final ch.qos.logback.classic.Level oldOurs;

    public LogCapture() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayout.DEFAULT_CONVERTER_MAP.put("maskedMsg", MaskedMessageConverter.class.getName());
        PatternLayout.DEFAULT_CONVERTER_MAP.put("maskedEx", MaskedThrowableConverter.class.getName());
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%-5level %logger %maskedMsg%n%maskedEx");
        enc.start();
        appender.setContext(ctx);
        appender.setEncoder(enc);
        appender.setOutputStream(out);
        appender.start();
        root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ours = ctx.getLogger("io.nbaprops");
        oldLevel = root.getLevel();
        oldOurs = ours.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        root.addAppender(appender);
    }

    public String text() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        root.setLevel(oldLevel);
        ours.setLevel(oldOurs);
    }
}
