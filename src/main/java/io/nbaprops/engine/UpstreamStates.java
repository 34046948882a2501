package io.nbaprops.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine reads to decide whether a partition's upstream is ready: the states of a date, and
 * which earlier partitions of an asset have not succeeded. {@link #live} asks the warehouse (a single run: a date's
 * states once); {@link #snapshot} loads a range's states once (a range run checks hundreds of dates).
 */
interface UpstreamStates {
    Map<String, PartitionState> on(LocalDate date);

    /** Calendar dates before {@code date} on which {@code asset} has not succeeded, oldest first. */
    List<LocalDate> notSucceededBefore(String asset, LocalDate date);

    static UpstreamStates live(RunStore store, PartitionCalendar calendar) {
        return new UpstreamStates() {
            private final Map<LocalDate, Map<String, PartitionState>> read = new HashMap<>();

            @Override
            public Map<String, PartitionState> on(LocalDate date) {
                return read.computeIfAbsent(date, store::states);
            }

            @Override
            public List<LocalDate> notSucceededBefore(String asset, LocalDate date) {
                return store.notSucceeded(asset, calendar.datesBefore(date));
            }
        };
    }

    /** Every state up to {@code last}, loaded once: valid while the upstream assets do not run (asset-by-asset backfills). */
    static UpstreamStates snapshot(RunStore store, PartitionCalendar calendar, LocalDate first, LocalDate last) {
        List<LocalDate> calendarDates = calendar.datesBefore(last);
        LocalDate oldest = calendarDates.isEmpty() || calendarDates.get(0).isAfter(first) ? first : calendarDates.get(0);
        Map<LocalDate, Map<String, PartitionState>> byDate = new HashMap<>();
        Map<String, Set<LocalDate>> succeeded = new HashMap<>();
        for (PartitionState s : store.states(oldest, last)) {
            byDate.computeIfAbsent(s.partitionDate(), k -> new HashMap<>()).put(s.asset(), s);
            if (s.state().equals("SUCCESS")) {
                succeeded.computeIfAbsent(s.asset(), k -> new HashSet<>()).add(s.partitionDate());
            }
        }
        return new UpstreamStates() {
            @Override
            public Map<String, PartitionState> on(LocalDate date) {
                return byDate.getOrDefault(date, Map.of());
            }

            @Override
            public List<LocalDate> notSucceededBefore(String asset, LocalDate date) {
                Set<LocalDate> ok = succeeded.getOrDefault(asset, Set.of());
                List<LocalDate> missing = new ArrayList<>();
                for (LocalDate d : calendarDates) {
                    if (!d.isBefore(date)) {
                        break;
                    }
                    if (!ok.contains(d)) {
                        missing.add(d);
                    }
                }
                return missing;
            }
        };
    }
}
