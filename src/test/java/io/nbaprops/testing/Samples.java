package io.nbaprops.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The real captured API responses in {@code ../shared/samples} (never committed). Absent on a
 * user's machine: tests that need them are skipped with a message; in CI ({@code
 * -Dnbaprops.requireSamples=true}) their absence fails the build.
 */
public final class Samples {
    private Samples() {}

    public static Path dir() {
        String prop = System.getProperty("nbaprops.samples");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "shared", "samples");
        if (!Files.isDirectory(p)) {
            Skips.missing("the real API samples are not at " + p.toAbsolutePath().normalize()
                    + " (they live beside the project in ../shared/samples; -Dnbaprops.samples=DIR points elsewhere)", "nbaprops.requireSamples");
        }
        return p.normalize();
    }

    /** The sample files of one folder (source), sorted by name. */
    public static List<Path> files(String folder) {
        Path d = dir().resolve(folder);
        if (!Files.isDirectory(d)) {
            fail("sample folder " + d + " missing");
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's bytes, gunzipped when it ends in .gz. */
    public static byte[] read(Path file) {
        try {
            if (file.toString().endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(String folder, String fileName) {
        return read(dir().resolve(folder).resolve(fileName));
    }
}
