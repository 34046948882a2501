package io.nbaprops.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The one way a test skips for something missing on a user's machine (the samples, a server, the browser): an abort
 * with a reason that is the same for every test of the group, so {@link SkipSummary} can say it once. When the
 * group's {@code -Dnbaprops.require...=true} property is set (CI), the absence is a failure instead.
 */
public final class Skips {
    private Skips() {}

    /** Aborts the current test (or fails it when {@code requireProperty} is true) because {@code what} is missing. */
    public static void missing(String what, String requireProperty) {
        if (Boolean.getBoolean(requireProperty)) {
            fail(what + "; -D" + requireProperty + "=true makes this a failure");
        }
        Assumptions.abort(what);
    }
}
