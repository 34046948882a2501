package io.nbaprops.source;

/**
 * The largest payload a parser accepts. The biggest real payload (the NBA.com season schedule) is
 * about 6 MB unzipped; anything far beyond that is not a document we understand, and parsing it
 * would only risk the heap of a 2-core worker.
 */
public final class PayloadLimits {
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private PayloadLimits() {}

    public static void check(byte[] payload, ParseContext ctx) {
        if (payload != null && payload.length > MAX_BYTES) {
            throw new ParseException(ctx.source(), ctx.location(), "", "payload of " + payload.length
                    + " bytes is larger than the " + MAX_BYTES + "-byte limit", null);
        }
    }

    public static void requireNonEmpty(byte[] payload, ParseContext ctx) {
        if (payload == null || payload.length == 0) {
            throw new ParseException(ctx.source(), ctx.location(), "", "empty body", null);
        }
        check(payload, ctx);
    }
}
