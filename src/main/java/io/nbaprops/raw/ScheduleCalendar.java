package io.nbaprops.raw;

import io.nbaprops.engine.PartitionCalendar;
import io.nbaprops.store.Warehouse;
import java.time.LocalDate;
import java.util.List;

/** Partitions = dates of the canonical schedule that have at least one game not postponed. */
public final class ScheduleCalendar implements PartitionCalendar {
    private final Warehouse warehouse;

    public ScheduleCalendar(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public List<LocalDate> datesBefore(LocalDate date) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT game_date FROM game WHERE game_date < ? "
                        + "AND status <> 'postponed' ORDER BY game_date")
                .bind(0, date).mapTo(LocalDate.class).list());
    }
}
