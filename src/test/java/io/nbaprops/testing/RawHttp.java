package io.nbaprops.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests a well-behaved client refuses to send (malformed escapes, oversized
 * headers, bodies that lie about their length) and for reading what the server answers to them. Loopback only.
 */
public final class RawHttp {
    private RawHttp() {}

    /** A response: status, headers (lower-case names), body; {@code status} -1 when the server closed without one. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, then reads the answer. */
    public static Response send(int port, String head, byte[] body, int timeoutMs) throws IOException {
        try (Socket s = connect(port, timeoutMs)) {
            OutputStream out = s.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (SocketException e) {
                    // The server answered and closed before taking the whole body: its answer is still readable.
                }
            }
            out.flush();
            return read(s.getInputStream());
        }
    }

    /** A GET of {@code pathAndQuery} exactly as given, with extra header lines (each "Name: value"). */
    public static Response get(int port, String pathAndQuery, String... headers) throws IOException {
        StringBuilder head = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close");
        for (String h : headers) {
            head.append("\r\n").append(h);
        }
        return send(port, head.toString(), null, 10_000);
    }

    public static Socket connect(int port, int timeoutMs) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMs);
        s.setSoTimeout(timeoutMs);
        return s;
    }

    /**
     * Reads one response (the status line, headers, then the body by Content-Length or to the end of the stream).
     *
     * @throws SocketTimeoutException when nothing at all arrived within the socket's timeout
     */
    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int headEnd = -1;
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                all.write(buf, 0, n);
                String sofar = all.toString(StandardCharsets.ISO_8859_1);
                if (headEnd < 0) {
                    headEnd = sofar.indexOf("\r\n\r\n");
                }
                if (headEnd >= 0) {
                    Integer len = contentLength(sofar.substring(0, headEnd));
                    if (len != null && all.size() >= headEnd + 4 + len) {
                        break;
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            if (all.size() == 0) {
                throw e; // nothing yet: the caller decides whether to wait more
            }
        } catch (SocketException e) {
            if (all.size() == 0) {
                return new Response(-1, Map.of(), e.toString()); // reset without an answer
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Response(-1, Map.of(), text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
        }
        return new Response(Integer.parseInt(lines[0].substring(9, 12)), headers, text.substring(end + 4));
    }

    private static Integer contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return null;
    }
}
