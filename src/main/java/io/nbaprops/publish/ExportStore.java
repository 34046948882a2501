package io.nbaprops.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Where exports go: JSON files under one folder that a web server or bucket serves as-is. Every
 * file is written to a temporary name and renamed, so a reader never sees half a file.
 */
public final class ExportStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public ExportStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * Writes many documents (path to value), each atomically, four at a time: a date's player pages are
     * hundreds of small files whose time is file-system latency, not CPU. {@code beforeEach} runs before
     * each file (a cancelled run stops there); the first failure is thrown after the others stop.
     */
    public void writeAll(Map<String, ?> documents, Runnable beforeEach) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, documents.size())), r -> {
            Thread t = new Thread(r, "export-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Path>> written = new ArrayList<>();
            documents.forEach((path, value) -> written.add(pool.submit(() -> {
                beforeEach.run();
                return write(path, value);
            })));
            for (Future<Path> f : written) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing exports", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Writes {@code value} as JSON to {@code relativePath} atomically; returns the file. */
    public Path write(String relativePath, Object value) {
        Path file = dir.resolve(relativePath).normalize();
        if (!file.startsWith(dir.normalize())) {
            throw new IllegalArgumentException("export path escapes the export folder: " + relativePath);
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                JSON.writeValue(tmp.toFile(), value);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write export " + file, e);
        }
    }
}
