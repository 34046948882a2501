package io.nbaprops.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What we know about a payload when it arrives. {@code params} and {@code url} must already be
 * masked (the fetcher does it); the archive masks them again to be sure.
 */
public record PayloadMeta(
        String source,
        String endpoint,
        Map<String, String> params,
        String url,
        LocalDate partitionDate,
        Instant fetchedAt,
        int httpStatus,
        String contentType,
        String collectionId) {}
