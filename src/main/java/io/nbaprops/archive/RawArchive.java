package io.nbaprops.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.config.Secrets;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Every fetched payload, stored untouched (gzip) under {@code <dir>/<source>/<endpoint>/<date>/},
 * with a JSON sidecar and an index row in {@code raw_payload}. Re-processing reads from here, never
 * from the network.
 */
public final class RawArchive {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Warehouse warehouse;

    public RawArchive(Path dir, Warehouse warehouse) {
        this.dir = dir;
        this.warehouse = warehouse;
    }

    public Path dir() {
        return dir;
    }

    public ArchivedPayload store(PayloadMeta meta, byte[] body) {
        String sha = sha256(body);
        Map<String, String> params = new TreeMap<>();
        meta.params().forEach((k, v) -> params.put(k, Secrets.mask(v)));
        String paramsJson = toJson(params);
        String url = Secrets.mask(meta.url());
        String id = sha256((meta.source() + "|" + meta.endpoint() + "|" + paramsJson + "|" + meta.fetchedAt() + "|" + sha)
                .getBytes(StandardCharsets.UTF_8));
        String datePart = meta.partitionDate() == null ? "undated" : meta.partitionDate().toString();
        Path rel = Path.of(safe(meta.source()), safe(meta.endpoint()), datePart,
                STAMP.format(meta.fetchedAt()) + "_" + id.substring(0, 12) + "." + extension(meta.contentType(), body) + ".gz");
        Path file = dir.resolve(rel);
        ArchivedPayload p = new ArchivedPayload(id, meta.source(), meta.endpoint(), paramsJson, url, meta.partitionDate(),
                meta.fetchedAt(), meta.httpStatus(), meta.contentType(), sha, body.length, rel.toString().replace('\\', '/'),
                meta.collectionId());
        try {
            Files.createDirectories(file.getParent());
            writeAtomically(file, gzip(body));
            writeAtomically(file.resolveSibling(file.getFileName() + ".meta.json"), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(sidecar(p)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + meta.source() + " " + meta.endpoint() + " to " + file, e);
        }
        warehouse.write(tx -> tx.upsert(RowBatch.of("raw_payload", "payload_id", "source", "endpoint", "params", "url",
                        "partition_date", "fetched_at", "http_status", "content_type", "sha256", "bytes", "path", "collection_id")
                .add(p.payloadId(), p.source(), p.endpoint(), p.params(), p.url(), p.partitionDate(), p.fetchedAt(),
                        p.httpStatus(), p.contentType(), p.sha256(), p.bytes(), p.path(), p.collectionId())));
        return p;
    }

    /** The payloads of one source endpoint and partition, oldest first. */
    public List<ArchivedPayload> find(String source, String endpoint, java.time.LocalDate partition) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT payload_id, source, endpoint, params, url, partition_date, "
                        + "fetched_at, http_status, content_type, sha256, bytes, path, collection_id FROM raw_payload "
                        + "WHERE source = ? AND endpoint = ? AND partition_date = ? ORDER BY fetched_at, payload_id")
                .bind(0, source).bind(1, endpoint).bind(2, partition)
                .map(ConstructorMapper.of(ArchivedPayload.class))
                .list());
    }

    /** The payloads of the newest collection (one collect run, possibly many pages) for a partition. */
    public List<ArchivedPayload> latestCollection(String source, String endpoint, java.time.LocalDate partition) {
        List<ArchivedPayload> all = find(source, endpoint, partition);
        if (all.isEmpty()) {
            return all;
        }
        String last = all.get(all.size() - 1).collectionId();
        return all.stream().filter(p -> java.util.Objects.equals(p.collectionId(), last)).toList();
    }

    public Optional<ArchivedPayload> latest(String source, String endpoint, java.time.LocalDate partition) {
        List<ArchivedPayload> all = find(source, endpoint, partition);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public byte[] read(ArchivedPayload p) {
        Path file = dir.resolve(p.path());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read archived payload " + p.payloadId() + " at " + file, e);
        }
    }

    private static Map<String, Object> sidecar(ArchivedPayload p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("payload_id", p.payloadId());
        m.put("source", p.source());
        m.put("endpoint", p.endpoint());
        m.put("params", p.params());
        m.put("url", p.url());
        m.put("partition_date", p.partitionDate() == null ? null : p.partitionDate().toString());
        m.put("fetched_at", p.fetchedAt().toString());
        m.put("http_status", p.httpStatus());
        m.put("content_type", p.contentType());
        m.put("sha256", p.sha256());
        m.put("bytes", p.bytes());
        m.put("collection_id", p.collectionId());
        return m;
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (OutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(body);
        }
        return bos.toByteArray();
    }

    static String extension(String contentType, byte[] body) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.contains("json")) {
            return "json";
        }
        if (ct.contains("html")) {
            return "html";
        }
        if (ct.contains("pdf")) {
            return "pdf";
        }
        if (ct.contains("csv")) {
            return "csv";
        }
        if (body.length > 0 && (body[0] == '{' || body[0] == '[')) {
            return "json";
        }
        return "bin";
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
