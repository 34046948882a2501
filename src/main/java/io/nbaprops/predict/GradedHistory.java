package io.nbaprops.predict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The graded predictions of one market that the calibration and ensemble fits read, kept in memory by a batch
 * coordinator for the dates {@code [from, until)}: a walk-forward appends each new date's grades instead of
 * reading the last 60 days of grades at every date. It hands the fits exactly the rows, and in the order, that
 * the warehouse queries of {@link PredictionBatch} return: one row per (system, game, player) with the rounded
 * mean prediction over its line snapshots and the actual; one row per graded pick. Valid only while the
 * warehouse's change stamp of prediction_grade is {@link #stamp()}, and only where no (system, game, player)
 * was graded on two dates (a window would then split a group the query keeps whole: the coordinator checks).
 * Not thread-safe: the coordinator guards it.
 */
final class GradedHistory {
    /** One system's graded player-game: mean prediction over the line snapshots (rounded as the query does) and the actual. */
    record Group(String systemId, String gameKey, String player, LocalDate gameDate, double predicted, double actual) {}

    /** One graded pick: the raw P(over) it was made with and whether it went over (1) or not (0). */
    record Pick(String systemId, LocalDate gameDate, double pOverRaw, double wentOver) {}

    /** VARCHAR order of DuckDB (bytes of UTF-8), which is code point order; String.compareTo differs only past surrogates. */
    static final Comparator<String> SQL_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    private final long stamp;
    private LocalDate from;
    private LocalDate until;
    /** String order of the keys: String.compareTo while no key has a surrogate char (the same order, far faster). */
    private Comparator<String> order = String::compareTo;
    private boolean strictOrder;
    /** The same groups in the order each fit reads them, and the picks in theirs: windows are filtered, never re-sorted. */
    private List<Group> bySystemGamePlayer = new ArrayList<>();
    private List<Group> byGamePlayerSystem = new ArrayList<>();
    private List<Pick> bySystemPWent = new ArrayList<>();

    GradedHistory(long stamp, LocalDate from) {
        this.stamp = stamp;
        this.from = from;
        this.until = from;
    }

    long stamp() {
        return stamp;
    }

    /** True when the grades from {@code lo} on are here, or can be appended ({@code lo} not before {@link #from}). */
    boolean canServe(LocalDate lo) {
        return !lo.isBefore(from);
    }

    LocalDate until() {
        return until;
    }

    /** Adds the grades of {@code [until, newUntil)} and forgets those before {@code newFrom}: a walk-forward only moves on. */
    void append(List<Group> newGroups, List<Pick> newPicks, LocalDate newFrom, LocalDate newUntil) {
        boolean surrogates = false;
        for (Group g : newGroups) {
            inRange(g.gameDate(), newUntil);
            surrogates |= hasSurrogate(g.systemId()) || hasSurrogate(g.gameKey()) || hasSurrogate(g.player());
        }
        for (Pick p : newPicks) {
            inRange(p.gameDate(), newUntil);
            surrogates |= hasSurrogate(p.systemId());
        }
        boolean switched = surrogates && !strictOrder;
        if (switched) {
            strictOrder = true;
            order = SQL_ORDER;
        }
        Comparator<Group> sgp = Comparator.comparing(Group::systemId, order).thenComparing(Group::gameKey, order)
                .thenComparing(Group::player, order);
        Comparator<Group> gps = Comparator.comparing(Group::gameKey, order).thenComparing(Group::player, order)
                .thenComparing(Group::systemId, order);
        Comparator<Pick> spw = Comparator.comparing(Pick::systemId, order).thenComparingDouble(Pick::pOverRaw)
                .thenComparingDouble(Pick::wentOver);
        if (switched) {
            // Re-sort what is kept under the stricter order too.
            bySystemGamePlayer.sort(sgp);
            byGamePlayerSystem.sort(gps);
            bySystemPWent.sort(spw);
        }
        bySystemGamePlayer = merge(keep(bySystemGamePlayer, Group::gameDate, newFrom), newGroups, sgp);
        byGamePlayerSystem = merge(keep(byGamePlayerSystem, Group::gameDate, newFrom), newGroups, gps);
        bySystemPWent = merge(keep(bySystemPWent, Pick::gameDate, newFrom), newPicks, spw);
        until = newUntil;
        if (newFrom.isAfter(from)) {
            from = newFrom;
        }
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private void inRange(LocalDate d, LocalDate newUntil) {
        if (d.isBefore(until) || !d.isBefore(newUntil)) {
            throw new IllegalArgumentException("grade of " + d + " is outside [" + until + ", " + newUntil + ")");
        }
    }

    private static <T> List<T> keep(List<T> sorted, Function<T, LocalDate> date, LocalDate newFrom) {
        List<T> out = new ArrayList<>(sorted.size());
        for (T t : sorted) {
            if (!date.apply(t).isBefore(newFrom)) {
                out.add(t);
            }
        }
        return out;
    }

    /** {@code sorted} (in {@code order}) with {@code added} sorted in. */
    private static <T> List<T> merge(List<T> sorted, List<T> added, Comparator<T> order) {
        List<T> more = new ArrayList<>(added);
        more.sort(order);
        List<T> out = new ArrayList<>(sorted.size() + more.size());
        int i = 0;
        int j = 0;
        while (i < sorted.size() || j < more.size()) {
            if (j == more.size() || (i < sorted.size() && order.compare(sorted.get(i), more.get(j)) <= 0)) {
                out.add(sorted.get(i++));
            } else {
                out.add(more.get(j++));
            }
        }
        return out;
    }

    private static boolean within(LocalDate d, LocalDate lo, LocalDate hi) {
        return !d.isBefore(lo) && d.isBefore(hi);
    }

    /** Per system, (mean prediction, actual) of its graded player-games in {@code [lo, hi)}, by game then player. */
    Map<String, List<double[]>> residuals(LocalDate lo, LocalDate hi) {
        Map<String, List<double[]>> out = new HashMap<>();
        List<double[]> current = null;
        String system = null;
        for (Group g : bySystemGamePlayer) {
            if (within(g.gameDate(), lo, hi)) {
                if (!g.systemId().equals(system)) {
                    system = g.systemId();
                    current = out.computeIfAbsent(system, k -> new ArrayList<>());
                }
                current.add(new double[] {g.predicted(), g.actual()});
            }
        }
        return out;
    }

    /** Per system, (raw P(over), went over) of its graded picks in {@code [lo, hi)}, in ascending order. */
    Map<String, List<double[]>> picks(LocalDate lo, LocalDate hi) {
        Map<String, List<double[]>> out = new HashMap<>();
        List<double[]> current = null;
        String system = null;
        for (Pick p : bySystemPWent) {
            if (within(p.gameDate(), lo, hi)) {
                if (!p.systemId().equals(system)) {
                    system = p.systemId();
                    current = out.computeIfAbsent(system, k -> new ArrayList<>());
                }
                current.add(new double[] {p.pOverRaw(), p.wentOver()});
            }
        }
        return out;
    }

    /**
     * The members' graded player-games in {@code [lo, hi)} by game then player: each member's mean prediction (NaN
     * where it has none) into {@code rows}, the actual into {@code actual}, keyed {@code game_key|player}.
     */
    void ensembleRows(LocalDate lo, LocalDate hi, List<String> members, Map<String, double[]> rows, Map<String, Double> actual) {
        Map<String, Integer> slot = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            slot.putIfAbsent(members.get(i), i);
        }
        for (Group g : byGamePlayerSystem) {
            Integer s = slot.get(g.systemId());
            if (s == null || !within(g.gameDate(), lo, hi)) {
                continue;
            }
            String key = g.gameKey() + "|" + g.player();
            double[] v = rows.computeIfAbsent(key, k -> {
                double[] a = new double[members.size()];
                java.util.Arrays.fill(a, Double.NaN);
                return a;
            });
            v[s] = g.predicted();
            actual.put(key, g.actual());
        }
    }
}
