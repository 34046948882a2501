package io.nbaprops.bus;

import java.util.List;

/** The dead-letter queue as the dashboard and the CLI see it. In-process mode has none (failures are listed per batch). */
public interface DeadLetters {
    List<DeadLetter> list(int limit);

    long count();

    /** Puts every dead letter back on the work queue; returns how many were re-queued. */
    int retryAll();

    DeadLetters NONE = new DeadLetters() {
        @Override
        public List<DeadLetter> list(int limit) {
            return List.of();
        }

        @Override
        public long count() {
            return 0;
        }

        @Override
        public int retryAll() {
            return 0;
        }
    };
}
