package io.nbaprops.source;

import io.nbaprops.archive.ArchivedPayload;
import java.net.http.HttpHeaders;

/** A successful (2xx/304) response, already archived. */
public record FetchResult(ArchivedPayload payload, int status, byte[] body, HttpHeaders headers, int attempts) {}
