package io.nbaprops.ops.alert;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.nbaprops.config.Secrets;
import io.nbaprops.config.SentryConfig;
import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.SentryOptions;
import io.sentry.logback.SentryAppender;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors and CRITICAL alerts to Sentry, through the official SDK and its logback integration, when a DSN is set: every
 * ERROR logged becomes an event (INFO and WARN ride along as breadcrumbs), and every CRITICAL alert is captured by the
 * {@link #destination()} with its asset, date and node as tags. Nothing secret leaves: no default PII, and every
 * message, exception text, breadcrumb and tag passes through {@link Secrets#mask} before it is sent.
 */
public final class SentryReporting implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SentryReporting.class);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final SentryAppender appender;
    private final String node;

    private SentryReporting(SentryAppender appender, String node) {
        this.appender = appender;
        this.node = node;
    }

    /** Starts reporting when the DSN secret is set; empty (and nothing sent anywhere) otherwise. */
    public static Optional<SentryReporting> start(SentryConfig cfg, Secrets secrets, String node) {
        Optional<String> dsn = cfg == null ? Optional.empty() : secrets.get(cfg.dsnSecret());
        if (dsn.isEmpty()) {
            return Optional.empty();
        }
        SentryOptions o = new SentryOptions();
        o.setDsn(dsn.get());
        o.setEnvironment(cfg.environment() == null || cfg.environment().isBlank() ? "production" : cfg.environment());
        o.setRelease("nbaprops@0.1.0");
        o.setServerName(node);
        o.setSendDefaultPii(false);
        o.setEnableUncaughtExceptionHandler(true);
        o.setShutdownTimeoutMillis(2000);
        o.setBeforeSend((event, hint) -> scrub(event, node));
        o.setBeforeBreadcrumb((crumb, hint) -> scrub(crumb));
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        SentryAppender appender = new SentryAppender();
        appender.setName("sentry");
        appender.setContext(ctx);
        appender.setOptions(o);
        appender.setMinimumEventLevel(Level.ERROR);
        appender.setMinimumBreadcrumbLevel(Level.INFO);
        appender.start(); // initialises the SDK with these options
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        log.info("errors and CRITICAL alerts also go to Sentry (environment {}, node {})", o.getEnvironment(), node);
        return Optional.of(new SentryReporting(appender, node));
    }

    /** The alert destination that captures CRITICAL alerts as Sentry events. */
    public AlertDestination destination() {
        return new AlertDestination() {
            @Override
            public String name() {
                return "sentry";
            }

            @Override
            public boolean accepts(AlertRecord a) {
                return "CRITICAL".equals(a.severity());
            }

            @Override
            public void send(AlertRecord a) {
                SentryEvent e = new SentryEvent();
                e.setLevel(SentryLevel.FATAL);
                Message m = new Message();
                m.setMessage(AlertText.subject(a) + "\n" + AlertText.body(a));
                e.setMessage(m);
                e.setLogger("nbaprops.alert");
                e.setFingerprints(java.util.List.of(a.alertKey()));
                e.setTag("alert_kind", a.kind());
                e.setTag("node", node);
                // Keys name the problem: kind:asset:date (e.g. run_failed:feature_store:2025-01-05).
                String[] parts = a.alertKey().split(":");
                if (parts.length >= 3 && DATE.matcher(parts[parts.length - 1]).matches()) {
                    e.setTag("asset", parts[1]);
                    e.setTag("date", parts[parts.length - 1]);
                } else if (parts.length == 2 && DATE.matcher(parts[1]).matches()) {
                    e.setTag("date", parts[1]);
                }
                Sentry.captureEvent(e);
            }
        };
    }

    static SentryEvent scrub(SentryEvent e, String node) {
        if (e.getMessage() != null) {
            e.getMessage().setMessage(Secrets.mask(e.getMessage().getMessage()));
            e.getMessage().setFormatted(Secrets.mask(e.getMessage().getFormatted()));
            if (e.getMessage().getParams() != null) {
                e.getMessage().setParams(e.getMessage().getParams().stream().map(Secrets::mask).toList());
            }
        }
        if (e.getExceptions() != null) {
            for (SentryException x : e.getExceptions()) {
                x.setValue(Secrets.mask(x.getValue()));
            }
        }
        if (e.getTags() != null) {
            e.getTags().replaceAll((k, v) -> Secrets.mask(v));
        }
        if (e.getBreadcrumbs() != null) {
            e.getBreadcrumbs().forEach(SentryReporting::scrub);
        }
        e.setExtras(null);
        e.setUser(null);
        e.setRequest(null);
        e.setTag("node", node);
        return e;
    }

    static Breadcrumb scrub(Breadcrumb b) {
        b.setMessage(Secrets.mask(b.getMessage()));
        b.getData().replaceAll((k, v) -> v instanceof String s ? Secrets.mask(s) : v);
        return b;
    }

    /** Sends what is queued (bounded by the SDK's shutdown timeout), detaches the appender and closes the SDK. */
    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        Sentry.close();
    }
}
