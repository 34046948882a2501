package io.nbaprops.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The answers Jetty gives by itself, before or around the application: a request line or headers too large (414,
 * 431), a message that is not HTTP (400), a body too slow (408). They are JSON with the same security and cache
 * headers as every other answer, and carry a fixed sentence per status: never Jetty's reason or a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTENT_TYPE = "application/json;charset=utf-8";

    static String sentence(int status) {
        return switch (status) {
            case 400 -> "bad request: this is not a valid HTTP request";
            case 408 -> "the request arrived too slowly";
            case 413 -> "the request is too large";
            case 414 -> "the URL is too long (the request line and headers may take " + ServerLimits.MAX_HEADER_BYTES / 1024 + " KiB)";
            case 431 -> "the request headers are too large (at most " + ServerLimits.MAX_HEADER_BYTES / 1024 + " KiB)";
            case 500 -> "internal error";
            default -> String.valueOf(HttpStatus.getMessage(status)).toLowerCase(java.util.Locale.ROOT);
        };
    }

    static byte[] body(int status) {
        try {
            return JSON.writeValueAsBytes(Map.of("error", sentence(status), "status", status));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON error body", e);
        }
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ServiceServer.SECURITY_HEADERS.forEach(fields::put);
        fields.put(HttpHeader.CACHE_CONTROL, ServiceServer.NO_STORE);
        fields.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        return ByteBuffer.wrap(body(status));
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = response.getStatus() < 400 ? 500 : response.getStatus();
        ServiceServer.SECURITY_HEADERS.forEach(response::setHeader);
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), ServiceServer.NO_STORE);
        response.setContentType(CONTENT_TYPE);
        byte[] b = body(status);
        response.setContentLength(b.length);
        response.getOutputStream().write(b);
        baseRequest.setHandled(true);
    }
}
