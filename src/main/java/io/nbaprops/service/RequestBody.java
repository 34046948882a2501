package io.nbaprops.service;

import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;

/**
 * Reads a request body with a bound on its size, whether it is sized or chunked: a declared length over the bound is
 * refused before a byte is read, a stream that runs past it is cut at the bound. How long it may take is bounded by
 * Jetty ({@link ServerLimits}: minimum data rate, idle timeout); its refusals come back here as 408 or 400.
 */
final class RequestBody {
    private RequestBody() {}

    static String read(HttpServletRequest req, int maxBytes) {
        long declared = req.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] bytes;
        try {
            InputStream in = req.getInputStream();
            bytes = in.readNBytes(maxBytes + 1);
        } catch (BadMessageException e) {
            throw refused(e);
        } catch (EofException e) {
            throw new HttpResponseException(HttpStatus.BAD_REQUEST.getCode(),
                    "the request body ended early: shorter than its Content-Length, or its chunked encoding is broken");
        } catch (IOException e) {
            if (e.getCause() instanceof BadMessageException b) {
                throw refused(b);
            }
            throw new HttpResponseException(HttpStatus.REQUEST_TIMEOUT.getCode(),
                    "the request body did not arrive: the connection went idle or broke");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest("body", "the body is not valid UTF-8");
        }
    }

    /** Jetty's own refusal while reading: 408 for a body below the minimum data rate, 400 for broken chunking. */
    private static HttpResponseException refused(BadMessageException e) {
        return new HttpResponseException(e.getCode(), e.getCode() == HttpStatus.REQUEST_TIMEOUT.getCode()
                ? "the request body arrived too slowly (" + e.getReason() + ")" : "the request body is malformed: " + e.getReason());
    }

    private static HttpResponseException tooLarge(int maxBytes) {
        return new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "the request body is larger than " + maxBytes + " bytes");
    }
}
