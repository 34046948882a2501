package io.nbaprops.source;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * An HTML page parsed with Jsoup, with path-aware failures: a parser names the CSS path it looked
 * for, so a page whose layout changed fails with "espn_roster ... at table.Table: not found".
 */
public final class HtmlPayload {
    private final ParseContext ctx;
    private final Document doc;

    private HtmlPayload(ParseContext ctx, Document doc) {
        this.ctx = ctx;
        this.doc = doc;
    }

    /** Parses the bytes as UTF-8 HTML; an empty body or a JSON document is a ParseException. */
    public static HtmlPayload parse(byte[] payload, ParseContext ctx) {
        PayloadLimits.requireNonEmpty(payload, ctx);
        String text = new String(payload, StandardCharsets.UTF_8);
        String head = text.stripLeading();
        if (head.startsWith("{") || head.startsWith("[")) {
            throw new ParseException(ctx.source(), ctx.location(), "", "expected an HTML page but got JSON: "
                    + JsonPayload.abbreviate(head.replaceAll("\\s+", " ")), null);
        }
        if (head.startsWith("%PDF")) {
            throw new ParseException(ctx.source(), ctx.location(), "", "expected an HTML page but got a PDF", null);
        }
        // A page cut off in transit parses "fine" with half its rows; every page we read ends with </html>.
        String tail = text.substring(Math.max(0, text.length() - 2048)).toLowerCase(java.util.Locale.ROOT);
        if (!tail.contains("</html>")) {
            throw new ParseException(ctx.source(), ctx.location(), "", "truncated HTML: no closing </html> in the last 2 kB ("
                    + payload.length + " bytes)", null);
        }
        return new HtmlPayload(ctx, Jsoup.parse(text));
    }

    public Document document() {
        return doc;
    }

    /** Every element matching {@code css}; at least one, or a ParseException naming the selector. */
    public Elements require(Element scope, String css) {
        Elements e = scope.select(css);
        if (e.isEmpty()) {
            throw fail(css, "not found (has the page layout changed, or is this an error page? title: \""
                    + JsonPayload.abbreviate(doc.title()) + "\")");
        }
        return e;
    }

    public Element first(Element scope, String css) {
        return require(scope, css).first();
    }

    /** The value of a {@code <meta property=...>} or {@code <meta name=...>}; null when absent. */
    public String meta(String property) {
        Element m = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return m == null ? null : m.attr("content");
    }

    public ParseException fail(String path, String what) {
        return new ParseException(ctx.source(), ctx.location(), path, what, null);
    }

    public ParseException fail(String path, String what, Throwable cause) {
        return new ParseException(ctx.source(), ctx.location(), path, what, cause);
    }

    public ParseContext context() {
        return ctx;
    }
}
