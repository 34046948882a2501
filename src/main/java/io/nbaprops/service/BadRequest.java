package io.nbaprops.service;

/** A request the service refuses with 400: names the offending parameter so the caller can fix it. */
public final class BadRequest extends RuntimeException {
    private final String parameter;

    public BadRequest(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
