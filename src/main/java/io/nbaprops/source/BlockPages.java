package io.nbaprops.source;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises block pages and WAF challenges: NBA.com blocks cloud IP ranges with Akamai "Access
 * Denied" pages, Basketball-Reference and BettingPros serve Cloudflare/Incapsula challenges. Such an
 * answer will not get better by retrying within minutes, so it is a non-retryable error that names
 * the source, to be alerted on.
 */
public final class BlockPages {
    private static final List<String> MARKERS = List.of("access denied", "captcha", "attention required", "cf-chl",
            "cf-browser-verification", "challenge-platform", "incapsula", "request unsuccessful", "pardon our interruption",
            "are you a robot", "bot detection", "you have been blocked", "sorry, you have been blocked", "errors.edgesuite.net",
            "too many requests from your ip", "rate limited by");

    private BlockPages() {}

    /** Why this response is a block page, or empty when it is not one. */
    public static Optional<String> detect(int status, String contentType, byte[] body, FetchRequest.Expect expect) {
        String head = head(body);
        boolean html = looksHtml(contentType, head);
        if (html) {
            String lower = head.toLowerCase(Locale.ROOT);
            for (String m : MARKERS) {
                if (lower.contains(m)) {
                    return Optional.of("blocked: HTTP " + status + " with a block/challenge page (\"" + m + "\")");
                }
            }
            if (status == 403 || status == 401) {
                return Optional.of("blocked: HTTP " + status + " with an HTML page");
            }
        }
        if (status >= 200 && status < 300 && html && expect != null && expect != FetchRequest.Expect.ANY
                && expect != FetchRequest.Expect.HTML) {
            return Optional.of("expected " + expect + " but got an HTML page (a block, login or error page?): \""
                    + head.replaceAll("\\s+", " ").substring(0, Math.min(120, head.replaceAll("\\s+", " ").length())) + "\"");
        }
        return Optional.empty();
    }

    private static boolean looksHtml(String contentType, String head) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String h = head.stripLeading().toLowerCase(Locale.ROOT);
        return ct.contains("text/html") || h.startsWith("<!doctype html") || h.startsWith("<html") || h.startsWith("<head")
                || (h.startsWith("<") && h.contains("<body"));
    }

    private static String head(byte[] body) {
        return body == null ? "" : new String(body, 0, Math.min(body.length, 16 * 1024), StandardCharsets.UTF_8);
    }
}
