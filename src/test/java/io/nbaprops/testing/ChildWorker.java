package io.nbaprops.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A real `nbaprops worker` process on the test classpath (a separate JVM that can be SIGKILLed). */
public final class ChildWorker implements AutoCloseable {
    private final Process process;
    private final String name;

    private ChildWorker(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    /** Starts the worker with {@code env} as its environment's NBAPROPS_* settings and waits until it consumes. */
    public static ChildWorker start(Map<String, String> env, String name, long itemDelayMs, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "io.nbaprops.cli.Main", "worker", "--name", name,
                "--item-delay-ms", Long.toString(itemDelayMs)));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.redirectError(log.toFile());
        Process p = pb.start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.contains("worker " + name + " ready")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "child-worker-" + name);
        drain.setDaemon(true);
        drain.start();
        if (!ready.await(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("worker " + name + " did not get ready within 60 s; see " + log);
        }
        return new ChildWorker(p, name);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no clean channel close; its unacked items go back to the queue. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
