package io.nbaprops.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hostile clients against a server on loopback, each on its own thread, until closed: slow bodies (a large declared
 * length, one byte a second, no key), chunked floods (64 KiB chunks as fast as the socket takes them, no key) and
 * oversized headers. Each reconnects after the server answers or hangs up, so the load stays in flight. It counts
 * the answers by status (-1: closed without an answer) and the bytes the server let it send.
 */
public final class AbuseLoad implements AutoCloseable {
    /** How many clients of each kind, and the pause before a client reconnects. */
    public record Mix(int slowBodies, int chunkedFloods, int oversizedHeaders, Duration reconnectPause) {
        public int total() {
            return slowBodies + chunkedFloods + oversizedHeaders;
        }
    }

    static final int FLOOD_LIMIT_BYTES = 200 << 20;
    private static final byte[] CHUNK = chunk(64 * 1024);

    private final int port;
    private final Mix mix;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong floodBytes = new AtomicLong();
    private final AtomicLong maxFloodBytes = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();

    private AbuseLoad(int port, Mix mix) {
        this.port = port;
        this.mix = mix;
    }

    public static AbuseLoad start(int port, Mix mix) {
        AbuseLoad load = new AbuseLoad(port, mix);
        load.spawn(mix.slowBodies(), "slow-body", load::slowBody);
        load.spawn(mix.chunkedFloods(), "chunked-flood", load::chunkedFlood);
        load.spawn(mix.oversizedHeaders(), "big-headers", load::oversizedHeaders);
        return load;
    }

    private interface Attack {
        void once() throws IOException;
    }

    private void spawn(int n, String name, Attack attack) {
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        attack.once();
                    } catch (IOException e) {
                        connectFailures.incrementAndGet();
                    }
                    LockSupport.parkNanos(mix.reconnectPause().toNanos());
                }
            }, "abuse-" + name + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** A connection that has sent a POST of {@code action} with {@code framing} (a header) and no key, up to its body. */
    private Socket post(String action, String framing, int timeoutMs) throws IOException {
        Socket s = RawHttp.connect(port, timeoutMs);
        s.getOutputStream().write(("POST /api/actions/" + action + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + framing + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return s;
    }

    private void slowBody() throws IOException {
        try (Socket s = post("rerun", "Content-Length: 100000", 1000)) {
            OutputStream out = s.getOutputStream();
            out.write('{');
            out.flush();
            for (int sent = 1; !stop.get() && sent < 100_000; sent++) {
                try {
                    record(RawHttp.read(s.getInputStream()).status());
                    return;
                } catch (SocketTimeoutException e) {
                    out.write(' '); // one more byte, then wait again
                    out.flush();
                }
            }
        }
    }

    private void chunkedFlood() throws IOException {
        try (Socket s = post("backfill", "Transfer-Encoding: chunked", 5000)) {
            OutputStream out = s.getOutputStream();
            long sent = 0;
            try {
                // Keep sending until the server answers (checked between chunks) or hangs up.
                while (!stop.get() && sent < FLOOD_LIMIT_BYTES && s.getInputStream().available() == 0) {
                    out.write(CHUNK);
                    sent += CHUNK.length;
                }
            } catch (IOException e) {
                // the server hung up: read what it said before that
            } finally {
                floodBytes.addAndGet(sent);
                maxFloodBytes.accumulateAndGet(sent, Math::max);
            }
            record(RawHttp.read(s.getInputStream()).status());
        }
    }

    private void oversizedHeaders() throws IOException {
        char[] big = new char[64 * 1024];
        Arrays.fill(big, 'a');
        RawHttp.Response r = RawHttp.send(port, "GET /api/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + new String(big), null, 5000);
        record(r.status());
    }

    private void record(int status) {
        statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    }

    private static byte[] chunk(int size) {
        byte[] head = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = new byte[head.length + size + 2];
        System.arraycopy(head, 0, b, 0, head.length);
        Arrays.fill(b, head.length, head.length + size, (byte) ' ');
        b[b.length - 2] = '\r';
        b[b.length - 1] = '\n';
        return b;
    }

    /** Answers seen so far, by status (-1: the server closed without answering). */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> m = new TreeMap<>();
        statuses.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    public long answers() {
        return statuses.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Bytes the chunked floods managed to send in all, and at most on one connection, before the server cut them. */
    public long floodBytes() {
        return floodBytes.get();
    }

    public long maxFloodBytes() {
        return maxFloodBytes.get();
    }

    public long connectFailures() {
        return connectFailures.get();
    }

    @Override
    public void close() {
        stop.set(true);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
