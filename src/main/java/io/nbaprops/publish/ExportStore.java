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
