package io.nbaprops.store;

/**
 * A transaction that wrote only the difference from what it remembered of a table found, before committing, that
 * another transaction had begun writing the table meanwhile: rolled back and run again like DuckDB's own write
 * conflicts (see {@link Warehouse#write}).
 */
public final class ConcurrentWriteConflict extends WarehouseException {
    public ConcurrentWriteConflict(String message) {
        super(message);
    }
}
