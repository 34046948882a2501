package io.nbaprops.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

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
        skipUnlessAll(postgres());
    }

    public static void requireRabbit() {
        skipUnlessAll(rabbit());
    }

    /** For tests that need both: the skip names every server that is missing, so none goes unreported. */
    public static void requirePostgresAndRabbit() {
        skipUnlessAll(postgres(), rabbit());
    }

    @SafeVarargs
    private static void skipUnlessAll(Optional<String>... missing) {
        List<String> why = Stream.of(missing).flatMap(Optional::stream).toList();
        if (!why.isEmpty()) {
            Skips.missing(String.join("; ", why), "nbaprops.requireServices");
        }
    }

    private static Optional<String> postgres() {
        URI u = URI.create(PG_URL.substring("jdbc:".length()));
        return missing("PostgreSQL", u.getHost(), u.getPort() < 0 ? 5432 : u.getPort());
    }

    private static Optional<String> rabbit() {
        return missing("RabbitMQ", RABBIT_HOST, RABBIT_PORT);
    }

    private static Optional<String> missing(String what, String host, int port) {
        return checked.computeIfAbsent(what + "@" + host + ":" + port, k -> reach(host, port)
                .map(e -> what + " is not reachable at " + host + ":" + port + " (" + e + ")"));
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
