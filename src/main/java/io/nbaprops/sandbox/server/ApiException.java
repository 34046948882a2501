package io.nbaprops.sandbox.server;

import java.util.Map;

/** A request the sandbox answers with an error status and a JSON body (never a stack trace). */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient Map<String, Object> body;

    public ApiException(int status, Map<String, Object> body) {
        super(String.valueOf(body.get("message")));
        this.status = status;
        this.body = body;
    }

    /** 400 naming the offending parameter. */
    public static ApiException badParameter(String parameter, String problem) {
        return new ApiException(400, Map.of("error", "bad_request", "parameter", parameter,
                "message", "parameter " + parameter + ": " + problem));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, Map.of("error", "not_found", "message", message));
    }

    /** An expected answer, not a bug: no stack trace to fill. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> body() {
        return body;
    }
}
