package io.nbaprops.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * Real servers some tests need (PostgreSQL, RabbitMQ). Missing on a user's machine: the test is
 * skipped with a message. In CI ({@code -Dnbaprops.requireServices=true}) a missing server fails.
 */
public final class Services {
    public static final String PG_URL = System.getProperty("nbaprops.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("nbaprops.pg.user", "postgres");
    public static final String RABBIT_HOST = System.getProperty("nbaprops.rabbit.host", "127.0.0.1");
    public static final int RABBIT_PORT = Integer.getInteger("nbaprops.rabbit.port", 5672);

    private Services() {}

    public static void requirePostgres() {
        require("PostgreSQL", "127.0.0.1", 5432);
    }

    public static void requireRabbit() {
        require("RabbitMQ", RABBIT_HOST, RABBIT_PORT);
    }

    private static void require(String what, String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
        } catch (IOException e) {
            String msg = what + " is not reachable at " + host + ":" + port + " (" + e.getMessage() + ")";
            if (Boolean.getBoolean("nbaprops.requireServices")) {
                fail(msg + "; -Dnbaprops.requireServices=true makes this a failure");
            }
            Assumptions.abort(msg + "; skipping this test");
        }
    }
}
