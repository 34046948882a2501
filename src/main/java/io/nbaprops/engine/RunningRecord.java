package io.nbaprops.engine;

/**
 * A run's RUNNING record, written only once the run has lasted {@code engine.running_record_after_ms} (by the
 * sweeper), or at once when that is 0. Most runs end sooner: they write one record, as they end, in one transaction
 * with the partition's state, where two transactions (RUNNING, then the outcome) cost twice as much. A run that
 * lasts is visible as RUNNING, gets heartbeats, and is found ABANDONED if its process dies, as before.
 */
final class RunningRecord {
    private Runnable write;
    private boolean written;

    RunningRecord(Runnable write) {
        this.write = write;
    }

    /** Writes the record, unless the run has ended or it is written already. */
    synchronized void write() {
        if (write != null) {
            Runnable w = write;
            write = null;
            w.run();
            written = true;
        }
    }

    synchronized boolean written() {
        return written;
    }

    /** The run has ended: the record will not be written any more. True when it was (the outcome then updates that row). */
    synchronized boolean end() {
        write = null;
        return written;
    }
}
