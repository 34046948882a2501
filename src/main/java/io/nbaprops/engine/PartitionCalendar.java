package io.nbaprops.engine;

import java.time.LocalDate;
import java.util.List;

/** The partitions that exist: the game dates known to the warehouse (postponed-only dates excluded). */
public interface PartitionCalendar {
    List<LocalDate> datesBefore(LocalDate date);

    static PartitionCalendar none() {
        return d -> List.of();
    }
}
