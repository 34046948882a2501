package io.nbaprops.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

/**
 * How a CLI finds the service that holds its DuckDB file: {@code nbaprops serve} writes {@code <file>.service.json}
 * (its URL, process id and a read-only token) beside the warehouse when it starts listening and removes it when it
 * stops. The file is readable by its owner only: whoever may read it may read the warehouse file too, so its token
 * lets the CLI read through the service and nothing more. Only an embedded warehouse needs this: PostgreSQL takes any
 * number of processes.
 */
public record ServiceDiscovery(String url, long pid, Instant startedAt, String token) {
    private static final ObjectMapper JSON = ServiceServer.mapper();

    /** The discovery file of a warehouse URL, or empty when the warehouse is not a DuckDB file. */
    public static Optional<Path> fileFor(String warehouseUrl) {
        if (warehouseUrl == null || !warehouseUrl.startsWith("jdbc:duckdb:")) {
            return Optional.empty();
        }
        String path = warehouseUrl.substring("jdbc:duckdb:".length());
        int q = path.indexOf('?');
        path = q >= 0 ? path.substring(0, q) : path;
        return Optional.of(Path.of(path + ".service.json").toAbsolutePath().normalize());
    }

    /** Writes the file atomically (temp file, then rename), readable and writable by its owner only where the disk allows. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, JSON.writeValueAsString(this));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The registered service, if the file exists and reads. */
    public static Optional<ServiceDiscovery> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ServiceDiscovery.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
