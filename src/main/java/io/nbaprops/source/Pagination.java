package io.nbaprops.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fetches every page of a paginated endpoint through the {@link HttpFetcher}, and refuses to loop:
 * a cursor seen before, a page that is not the one asked for, a page without its pagination block,
 * or more pages than a sane maximum stop with a non-retryable {@link SourceException} that names
 * the source, the page and the cursor. Each page is archived by the fetcher as it arrives.
 */
public final class Pagination {
    /** balldontlie pages hold 100 rows; no endpoint of ours needs more than this many pages. */
    public static final int DEFAULT_MAX_PAGES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Pagination() {}

    /**
     * Cursor pagination (balldontlie): {@code meta.next_cursor} names the next page's {@code cursor}
     * parameter; its absence (or null) ends the walk.
     */
    public static List<FetchResult> cursor(HttpFetcher fetcher, FetchRequest first, int maxPages) {
        List<FetchResult> pages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        FetchRequest req = first;
        while (true) {
            FetchResult page = fetcher.get(req);
            pages.add(page);
            JsonNode root = json(first, page, pages.size());
            JsonNode meta = root.get("meta");
            if (meta == null || !meta.isObject()) {
                throw error(first, "page " + pages.size() + " has no meta object, so whether more pages follow is unknown"
                        + " (archived as " + page.payload().payloadId() + ")");
            }
            JsonNode next = meta.get("next_cursor");
            if (next == null || next.isNull()) {
                return pages;
            }
            if (!next.isValueNode() || next.asText().isBlank()) {
                throw error(first, "page " + pages.size() + " has an unusable meta.next_cursor: " + next);
            }
            String cursor = next.asText();
            if (!seen.add(cursor)) {
                throw error(first, "pagination loop: next_cursor " + cursor + " was already followed (page " + pages.size()
                        + "); stopping instead of looping");
            }
            if (pages.size() >= maxPages) {
                throw error(first, "more than " + maxPages + " pages; stopping (last next_cursor " + cursor + ")");
            }
            req = req.withParam("cursor", cursor);
        }
    }

    /**
     * Page-number pagination (BettingPros): {@code _pagination.page} must echo the page asked for,
     * and {@code _pagination.total_pages} says when to stop.
     */
    public static List<FetchResult> pages(HttpFetcher fetcher, FetchRequest first, int maxPages) {
        List<FetchResult> pages = new ArrayList<>();
        Integer total = null;
        for (int n = 1; ; n++) {
            FetchResult page = fetcher.get(first.withParam("page", String.valueOf(n)));
            pages.add(page);
            JsonNode p = json(first, page, n).get("_pagination");
            if (p == null || !p.isObject()) {
                throw error(first, "page " + n + " has no _pagination object (archived as " + page.payload().payloadId() + ")");
            }
            int echoed = p.path("page").asInt(-1);
            int totalPages = p.path("total_pages").asInt(-1);
            if (echoed != n) {
                throw error(first, "asked for page " + n + " but got page " + echoed + "; stopping instead of looping");
            }
            if (totalPages < 0) {
                throw error(first, "page " + n + " has no _pagination.total_pages");
            }
            if (total != null && totalPages != total) {
                throw error(first, "total_pages changed from " + total + " to " + totalPages + " while paging");
            }
            total = totalPages;
            if (n >= totalPages) {
                return pages;
            }
            if (n >= maxPages) {
                throw error(first, "more than " + maxPages + " pages (total_pages " + totalPages + "); stopping");
            }
        }
    }

    private static JsonNode json(FetchRequest req, FetchResult page, int n) {
        try {
            JsonNode root = JSON.readTree(page.body());
            if (root == null || !root.isObject()) {
                throw error(req, "page " + n + " is not a JSON object (archived as " + page.payload().payloadId() + ")");
            }
            return root;
        } catch (IOException e) {
            throw error(req, "page " + n + " is not JSON: " + e.getMessage() + " (archived as " + page.payload().payloadId() + ")");
        }
    }

    private static SourceException error(FetchRequest req, String what) {
        return new SourceException(req.source(), req.path(), 0, req.endpoint() + ": " + what, false, null);
    }
}
