package io.nbaprops.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real servers some tests need (PostgreSQL, RabbitMQ). Missing on a user's machine: the test is
 * skipped with a message (the same for every test, checked once per run). In CI
 * ({@code -Dnbaprops.requireServices=true}) a missing server fails.
 */
public final class Services {
    public static final String PG_URL = System.getProperty("nbaprops.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("nbaprops.pg.user", "postgres");
    public static final String RABBIT_HOST = System.getProperty("nbaprops.rabbit.host", "127.0.0.1");
    public static final int RABBIT_PORT = Integer.getInteger("nbaprops.rabbit.port", 5672);

    /** What was found missing, per server, the first time a test asked (empty when reachable). */
    private static final Map<String, Optional<String>> checked = new ConcurrentHashMap<>();

    private Services() {}

    public static void requirePostgres() {
        URI u = URI.create(PG_URL.substring("jdbc:".length()));
        require("PostgreSQL", u.getHost(), u.getPort() < 0 ? 5432 : u.getPort());
    }

    public static void requireRabbit() {
        require("RabbitMQ", RABBIT_HOST, RABBIT_PORT);
    }

    private static void require(String what, String host, int port) {
        checked.computeIfAbsent(what + "@" + host + ":" + port, k -> reach(host, port)
                        .map(e -> what + " is not reachable at " + host + ":" + port + " (" + e + ")"))
                .ifPresent(msg -> Skips.missing(msg, "nbaprops.requireServices"));
    }

    private static Optional<String> reach(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
