package io.nbaprops.service;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.eclipse.jetty.server.Request;

/**
 * Hangs up once the answer is written when a request came with a body that was never read and may be large: chunked,
 * or longer than {@link ServerLimits#MAX_BODY_BYTES}. Left alone, Jetty would read and discard such a body for as long
 * as the client keeps sending it (a refused 200 MB upload costs the server the whole 200 MB). Small bodies are still
 * drained as usual, so an ordinary client refused with 401 keeps a clean connection.
 */
final class UnreadBodyFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(request, response); // Javalin has written its answer (still in Jetty's buffer) when this returns
        HttpServletRequest req = (HttpServletRequest) request;
        if (mayBeLarge(req) && !req.getInputStream().isFinished()) {
            Request base = Request.getBaseRequest(req);
            if (base != null) {
                response.getOutputStream().close(); // the answer goes out whole first
                base.getHttpChannel().abort(new IOException("request body not read: connection closed after the answer"));
            }
        }
    }

    static boolean mayBeLarge(HttpServletRequest req) {
        return req.getHeader("Transfer-Encoding") != null || req.getContentLengthLong() > ServerLimits.MAX_BODY_BYTES;
    }
}
