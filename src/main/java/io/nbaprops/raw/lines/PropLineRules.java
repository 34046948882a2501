package io.nbaprops.raw.lines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides which prop-line snapshots may ever back a recommendation, and marks the opening and
 * closing line. A line is flagged (kept, never used) when it is obviously not a real quote:
 * <ul>
 * <li>no line, no prices, or prices no book quotes (|American| under 100 or above 5000);</li>
 * <li>Over and Under at different points;</li>
 * <li>a line outside the market's plausible range (e.g. points above 70);</li>
 * <li>a placeholder pattern: in one snapshot of one book and market, 4 or more players and at least
 *     80% of them on the same value (the "20.0 for everyone" default that fed predictions for weeks).</li>
 * </ul>
 * A snapshot at or after tip-off is in-game: kept for history, never the line. Opening and closing
 * are the first and last usable pre-game snapshot per (game, player, market, book).
 */
public final class PropLineRules {
    static final int PLACEHOLDER_MIN_PLAYERS = 4;
    static final double PLACEHOLDER_SHARE = 0.8;

    /** A snapshot with its verdict. */
    public record Judged(PropSnapshot snapshot, String flagReason, boolean opening, boolean closing) {
        public boolean flagged() {
            return flagReason != null;
        }

        public boolean usable() {
            return flagReason == null && !snapshot.inGame();
        }
    }

    private PropLineRules() {}

    public static List<Judged> judge(List<PropSnapshot> snapshots) {
        Map<PropSnapshot, String> reasons = new LinkedHashMap<>();
        for (PropSnapshot s : snapshots) {
            reasons.put(s, ownReason(s));
        }
        placeholders(snapshots, reasons);
        Map<List<Object>, PropSnapshot[]> firstLast = new HashMap<>();
        for (PropSnapshot s : snapshots) {
            if (reasons.get(s) != null || s.inGame()) {
                continue;
            }
            PropSnapshot[] fl = firstLast.computeIfAbsent(List.of(s.gameKey(), s.playerLookup(), s.market(), s.book()),
                    k -> new PropSnapshot[] {s, s});
            if (s.snapshotAt().isBefore(fl[0].snapshotAt())) {
                fl[0] = s;
            }
            if (s.snapshotAt().isAfter(fl[1].snapshotAt())) {
                fl[1] = s;
            }
        }
        List<Judged> out = new ArrayList<>();
        for (PropSnapshot s : snapshots) {
            PropSnapshot[] fl = firstLast.get(List.of(s.gameKey(), s.playerLookup(), s.market(), s.book()));
            boolean usable = reasons.get(s) == null && !s.inGame();
            out.add(new Judged(s, reasons.get(s), usable && fl != null && fl[0] == s, usable && fl != null && fl[1] == s));
        }
        return out;
    }

    static String ownReason(PropSnapshot s) {
        if (s.line() == null) {
            return "missing line";
        }
        if (s.overAmerican() == null && s.underAmerican() == null) {
            return s.overPrice() == null && s.underPrice() == null ? "missing prices" : "invalid price";
        }
        if ((s.overPrice() != null && s.overAmerican() == null) || (s.underPrice() != null && s.underAmerican() == null)) {
            return "invalid price";
        }
        if (absurd(s.overAmerican()) || absurd(s.underAmerican())) {
            return "absurd price " + s.overAmerican() + "/" + s.underAmerican();
        }
        if (s.overPoint() != null && s.underPoint() != null && !s.overPoint().equals(s.underPoint())) {
            return "over and under lines differ (" + s.overPoint() + " vs " + s.underPoint() + ")";
        }
        double max = maxLine(s.market());
        if (s.line() <= 0 || s.line() > max) {
            return "implausible line " + s.line() + " for " + s.market();
        }
        return null;
    }

    static boolean absurd(Integer american) {
        return american != null && (american > 5000 || american < -5000 || (american > -100 && american < 100));
    }

    static double maxLine(String market) {
        return switch (market) {
            case "player_points" -> 70;
            case "player_rebounds" -> 30;
            case "player_assists" -> 25;
            case "player_threes" -> 15;
            case "player_steals", "player_blocks" -> 10;
            case "player_points_rebounds_assists" -> 100;
            default -> 150;
        };
    }

    private static void placeholders(List<PropSnapshot> snapshots, Map<PropSnapshot, String> reasons) {
        Map<List<Object>, List<PropSnapshot>> groups = new LinkedHashMap<>();
        for (PropSnapshot s : snapshots) {
            if (s.line() != null) {
                groups.computeIfAbsent(List.of(s.source(), s.book(), s.market(), s.snapshotAt()), k -> new ArrayList<>()).add(s);
            }
        }
        for (List<PropSnapshot> g : groups.values()) {
            long players = g.stream().map(PropSnapshot::playerLookup).distinct().count();
            if (players < PLACEHOLDER_MIN_PLAYERS) {
                continue;
            }
            Map<Double, Long> counts = new HashMap<>();
            g.forEach(s -> counts.merge(s.line(), 1L, Long::sum));
            Map.Entry<Double, Long> top = counts.entrySet().stream().max(Comparator.comparingLong(Map.Entry::getValue)).orElseThrow();
            if (top.getValue() >= PLACEHOLDER_SHARE * g.size()) {
                for (PropSnapshot s : g) {
                    if (Objects.equals(s.line(), top.getKey())) {
                        reasons.put(s, "placeholder: " + top.getValue() + " of " + g.size() + " players of this snapshot at "
                                + top.getKey());
                    }
                }
            }
        }
    }
}
