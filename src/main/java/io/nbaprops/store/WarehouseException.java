package io.nbaprops.store;

/** A warehouse operation that failed; the message names the table and statement involved. */
public class WarehouseException extends RuntimeException {
    public WarehouseException(String message) {
        super(message);
    }

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
