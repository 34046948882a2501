package io.nbaprops.source;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV file with a header row, read with commons-csv; every failure names the record and column. */
public final class CsvPayload {
    private final ParseContext ctx;
    private final List<String> header;
    private final List<CSVRecord> records;

    private CsvPayload(ParseContext ctx, List<String> header, List<CSVRecord> records) {
        this.ctx = ctx;
        this.header = header;
        this.records = records;
    }

    public static CsvPayload parse(byte[] payload, ParseContext ctx, List<String> requiredColumns) {
        PayloadLimits.requireNonEmpty(payload, ctx);
        String text = new String(payload, StandardCharsets.UTF_8);
        String head = text.stripLeading();
        if (head.startsWith("<") || head.startsWith("{") || head.startsWith("[")) {
            throw new ParseException(ctx.source(), ctx.location(), "", "expected CSV but got "
                    + (head.startsWith("<") ? "HTML/XML (an error page?)" : "JSON") + ": "
                    + JsonPayload.abbreviate(head.replaceAll("\\s+", " ")), null);
        }
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        try (CSVParser p = CSVParser.parse(new StringReader(text), fmt)) {
            List<String> header = p.getHeaderNames();
            for (String c : requiredColumns) {
                if (!header.contains(c)) {
                    throw new ParseException(ctx.source(), ctx.location(), "header", "missing column '" + c + "' (columns: "
                            + JsonPayload.abbreviate(String.join(",", header)) + ")", null);
                }
            }
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord r : p) {
                records.add(r);
            }
            return new CsvPayload(ctx, header, records);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports broken quoting and duplicate headers this way.
            throw new ParseException(ctx.source(), ctx.location(), "", "malformed CSV: " + e.getMessage(), e);
        }
    }

    public List<CSVRecord> records() {
        return records;
    }

    public List<String> header() {
        return header;
    }

    public String path(CSVRecord r, String column) {
        return "record " + r.getRecordNumber() + " column " + column;
    }

    /** The trimmed value, null when empty; a short record is a ParseException. */
    public String text(CSVRecord r, String column) {
        if (!r.isSet(column)) {
            throw fail(path(r, column), "record has " + r.size() + " fields but the header has " + header.size());
        }
        String v = r.get(column).strip();
        return v.isEmpty() ? null : v;
    }

    public Integer optInt(CSVRecord r, String column) {
        String v = text(r, column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw fail(path(r, column), "expected a whole number but found \"" + JsonPayload.abbreviate(v) + "\"");
        }
    }

    public Double optDouble(CSVRecord r, String column) {
        String v = text(r, column);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw fail(path(r, column), "expected a number but found \"" + JsonPayload.abbreviate(v) + "\"");
        }
    }

    public Map<String, String> asMap(CSVRecord r) {
        return r.toMap();
    }

    public ParseException fail(String path, String what) {
        return new ParseException(ctx.source(), ctx.location(), path, what, null);
    }
}
