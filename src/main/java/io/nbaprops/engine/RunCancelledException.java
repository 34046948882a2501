package io.nbaprops.engine;

/** Thrown inside a run that the engine has cancelled (timeout or shutdown) so it stops and commits nothing. */
public class RunCancelledException extends RuntimeException {
    public RunCancelledException(String message) {
        super(message);
    }
}
