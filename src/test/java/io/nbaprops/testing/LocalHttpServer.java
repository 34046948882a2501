package io.nbaprops.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback for tests: routes by path to a handler that answers with a status,
 * headers and body. Records every request (path, query, headers) so tests can assert what was sent.
 */
public final class LocalHttpServer implements AutoCloseable {
    public record Request(String path, String query, Map<String, List<String>> headers) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().isEmpty() ? null : e.getValue().get(0);
                }
            }
            return null;
        }
    }

    public record Response(int status, Map<String, String> headers, byte[] body) {
        public static Response json(String body) {
            return new Response(200, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
        }

        public static Response json(byte[] body) {
            return new Response(200, Map.of("Content-Type", "application/json"), body);
        }

        public static Response status(int status, String body) {
            return new Response(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    private final HttpServer server;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public LocalHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::dispatch);
        server.start();
    }

    public LocalHttpServer route(String path, Handler h) {
        routes.put(path, h);
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void dispatch(HttpExchange ex) throws IOException {
        URI uri = ex.getRequestURI();
        Request req = new Request(uri.getPath(), uri.getRawQuery(), Map.copyOf(ex.getRequestHeaders()));
        requests.add(req);
        Handler h = routes.get(uri.getPath());
        Response r;
        try {
            r = h == null ? Response.status(404, "{\"error\":\"no route " + uri.getPath() + "\"}") : h.handle(req);
        } catch (Exception e) {
            r = Response.status(500, "{\"error\":\"" + e + "\"}");
        }
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(r.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
