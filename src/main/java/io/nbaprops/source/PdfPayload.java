package io.nbaprops.source;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a PDF, line by line, read with PDFBox 3. A body that is not a PDF, or a PDF that
 * PDFBox cannot read or that yields no text (a damaged or truncated file), is a ParseException:
 * such a document is kept in the archive and reported, never taken as "no players".
 */
public final class PdfPayload {
    /** Our PDFs have 1-5 pages; a hundred means something else was served. */
    private static final int MAX_PAGES = 100;

    private PdfPayload() {}

    public static List<String> lines(byte[] payload, ParseContext ctx) {
        PayloadLimits.requireNonEmpty(payload, ctx);
        if (payload.length < 5 || payload[0] != '%' || payload[1] != 'P' || payload[2] != 'D' || payload[3] != 'F') {
            String head = new String(payload, 0, Math.min(60, payload.length), java.nio.charset.StandardCharsets.UTF_8);
            throw new ParseException(ctx.source(), ctx.location(), "", "expected a PDF but the body starts with \""
                    + head.replaceAll("\\s+", " ") + "\"", null);
        }
        // PDFBox recovers what it can from a cut-off file; a cut-off injury report would silently lose teams.
        String tail = new String(payload, Math.max(0, payload.length - 1024), Math.min(1024, payload.length),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) {
            throw new ParseException(ctx.source(), ctx.location(), "", "truncated PDF: no %%EOF marker at the end ("
                    + payload.length + " bytes)", null);
        }
        String text;
        try (PDDocument doc = Loader.loadPDF(payload)) {
            if (doc.getNumberOfPages() > MAX_PAGES) {
                throw new ParseException(ctx.source(), ctx.location(), "", "PDF has " + doc.getNumberOfPages()
                        + " pages, more than the " + MAX_PAGES + " expected", null);
            }
            PDFTextStripper stripper = new PDFTextStripper();
            text = stripper.getText(doc);
        } catch (IOException e) {
            throw new ParseException(ctx.source(), ctx.location(), "", "not a readable PDF: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // PDFBox reports some damaged structures with unchecked exceptions; they are still a bad payload.
            if (e instanceof ParseException pe) {
                throw pe;
            }
            throw new ParseException(ctx.source(), ctx.location(), "", "damaged PDF: " + e, e);
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new ParseException(ctx.source(), ctx.location(), "", "the PDF has no extractable text "
                    + "(damaged or truncated file, e.g. a binary download saved as text)", null);
        }
        return lines;
    }
}
