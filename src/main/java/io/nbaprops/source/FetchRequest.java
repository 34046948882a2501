package io.nbaprops.source;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One GET against a configured source. {@code params} keep their order and may repeat a name
 * (balldontlie's {@code dates[]=}); the API key is added by the fetcher, never by the caller.
 * {@code expect} is the kind of body the endpoint serves: a different kind (an HTML page where JSON
 * was expected) is a block or error page, reported as such instead of being archived as data.
 */
public record FetchRequest(
        String source,
        String endpoint,
        String path,
        List<Map.Entry<String, String>> params,
        LocalDate partitionDate,
        String collectionId,
        Map<String, String> headers,
        Expect expect) {

    /** The kind of body an endpoint serves. */
    public enum Expect { ANY, JSON, HTML, PDF, CSV }

    public FetchRequest {
        params = List.copyOf(params);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        expect = expect == null ? Expect.ANY : expect;
    }

    /** The original shape (no expectation about the body), kept for existing callers. */
    public FetchRequest(String source, String endpoint, String path, List<Map.Entry<String, String>> params,
            LocalDate partitionDate, String collectionId, Map<String, String> headers) {
        this(source, endpoint, path, params, partitionDate, collectionId, headers, Expect.ANY);
    }

    public static Builder builder(String source, String endpoint, String path) {
        return new Builder(source, endpoint, path);
    }

    public FetchRequest withParam(String name, String value) {
        List<Map.Entry<String, String>> p = new java.util.ArrayList<>(params);
        p.removeIf(e -> e.getKey().equals(name));
        p.add(Map.entry(name, value));
        return new FetchRequest(source, endpoint, path, p, partitionDate, collectionId, headers, expect);
    }

    public static final class Builder {
        private final String source;
        private final String endpoint;
        private final String path;
        private final List<Map.Entry<String, String>> params = new java.util.ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private LocalDate partition;
        private String collectionId;
        private Expect expect = Expect.ANY;

        private Builder(String source, String endpoint, String path) {
            this.source = source;
            this.endpoint = endpoint;
            this.path = path;
        }

        public Builder param(String name, Object value) {
            params.add(Map.entry(name, String.valueOf(value)));
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder partition(LocalDate date) {
            this.partition = date;
            return this;
        }

        public Builder collection(String id) {
            this.collectionId = id;
            return this;
        }

        public Builder expect(Expect kind) {
            this.expect = kind;
            return this;
        }

        public FetchRequest build() {
            return new FetchRequest(source, endpoint, path, params, partition, collectionId, headers, expect);
        }
    }
}
