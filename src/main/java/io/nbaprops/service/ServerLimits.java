package io.nbaprops.service;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * What one request may take from the server, set on Jetty itself so that no handler code has to remember it: the
 * request line and headers (8 KiB, else 414/431), the body (16 KiB: actions take a few hundred bytes; sized or chunked,
 * see {@link RequestBody}), how slowly a body may arrive (a minimum data rate, 408 below it), how long a connection
 * may sit idle (slow headers included) and how long a blocking body read waits for the next bytes; a large body nobody
 * read is not drained ({@link UnreadBodyFilter}).
 */
final class ServerLimits {
    static final int MAX_HEADER_BYTES = 8 * 1024;
    static final int MAX_BODY_BYTES = 16 * 1024;
    /** Measured from a body's first byte: 512 B/s lets any real client through and cuts a byte-every-few-seconds trickle. */
    static final long MIN_BODY_BYTES_PER_SECOND = 512;
    static final long IDLE_TIMEOUT_MS = 10_000;
    static final long BLOCKING_READ_TIMEOUT_MS = 5_000;

    private ServerLimits() {}

    /** One connector on host:port with the limits, and JSON for every error Jetty answers by itself. */
    static void apply(JavalinConfig cfg, String host, int port) {
        cfg.http.maxRequestSize = MAX_BODY_BYTES;
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(MAX_HEADER_BYTES);
            http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
            http.setIdleTimeout(BLOCKING_READ_TIMEOUT_MS);
            // Dispatch on the headers alone: the key is checked before any body byte, instead of after the first one.
            http.setDelayDispatchUntilContent(false);
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        cfg.jetty.addConnector((server, http) -> {
            ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
            c.setHost(host);
            c.setPort(port);
            c.setIdleTimeout(IDLE_TIMEOUT_MS);
            return c;
        });
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        cfg.jetty.modifyServletContextHandler(context -> {
            context.setErrorHandler(new JsonErrorHandler());
            context.addFilter(new FilterHolder(new UnreadBodyFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        });
    }
}
