package io.nbaprops.source.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on loopback (JDK HttpServer) with scripted answers per path, recording every request. */
public final class LocalServer implements AutoCloseable {
    /** One recorded request: path with query, and its headers. */
    public record Seen(String pathAndQuery, Map<String, List<String>> headers) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** Answers one request; {@code n} counts the requests to this path, from 1. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange ex, int n) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    public LocalServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.start();
    }

    public LocalServer route(String path, Handler h) {
        server.createContext(path, ex -> {
            seen.add(new Seen(ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders())));
            int n = counts.merge(path, 1, Integer::sum);
            try {
                h.handle(ex, n);
            } finally {
                ex.close();
            }
        });
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public int count(String path) {
        return counts.getOrDefault(path, 0);
    }

    public static void send(HttpExchange ex, int status, String contentType, String body, String... headers) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        if (contentType != null) {
            ex.getResponseHeaders().add("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
