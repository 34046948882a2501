package io.nbaprops.source;

/**
 * Turns one payload of one source endpoint into normalised rows for keyed raw tables. Pure: no
 * I/O, no clock. Any problem with the payload is a {@link ParseException}, never another exception.
 */
public interface PayloadParser {
    /** The source name, which is also the folder name of its samples (e.g. {@code bdl_box_scores}). */
    String name();

    ParsedRows parse(byte[] payload, ParseContext ctx);
}
