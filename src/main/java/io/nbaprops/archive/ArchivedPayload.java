package io.nbaprops.archive;

import java.time.Instant;
import java.time.LocalDate;

/** One archived payload: its index row in {@code raw_payload}; the bytes are read via {@link RawArchive#read}. */
public record ArchivedPayload(
        String payloadId,
        String source,
        String endpoint,
        String params,
        String url,
        LocalDate partitionDate,
        Instant fetchedAt,
        int httpStatus,
        String contentType,
        String sha256,
        long bytes,
        String path,
        String collectionId) {}
