package io.nbaprops.raw.lines;

import io.nbaprops.store.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Reading prop lines for predictions: only usable lines (a real book and snapshot, before tip-off,
 * not flagged as a placeholder or junk) ever come out of here; flagged and in-game rows stay in
 * {@code prop_line} for history and audits only. The SQL view {@code prop_line_usable} applies the
 * same rule for ad-hoc queries.
 */
public final class PropLines {
    /** A usable line with the snapshot it was taken at (a prediction keeps both). */
    public record Line(String gameKey, String playerLookup, String market, String book, Instant snapshotAt, String source,
            double line, Integer overPriceAmerican, Integer underPriceAmerican, boolean opening, boolean closing) {}

    private static final String COLUMNS = "SELECT game_key, player_lookup, market, book, snapshot_at, source, line, "
            + "over_price_american, under_price_american, is_opening, is_closing FROM prop_line ";

    private PropLines() {}

    /** Every usable snapshot of a game date (all books, all times before tip-off). */
    public static List<Line> usable(Warehouse w, LocalDate gameDate) {
        return query(w, COLUMNS + "WHERE game_date = ? AND NOT flagged AND NOT in_game AND line IS NOT NULL "
                + "ORDER BY game_key, player_lookup, market, book, snapshot_at", gameDate, null);
    }

    /** The latest usable line per (game, player, market, book) taken at or before {@code asOf}: the line a pick made then is against. */
    public static List<Line> latestAsOf(Warehouse w, LocalDate gameDate, Instant asOf) {
        return query(w, COLUMNS + "p WHERE p.game_date = ? AND NOT p.flagged AND NOT p.in_game AND p.line IS NOT NULL AND p.snapshot_at <= ? "
                + "AND p.snapshot_at = (SELECT MAX(q.snapshot_at) FROM prop_line q WHERE q.game_key = p.game_key "
                + "AND q.player_lookup = p.player_lookup AND q.market = p.market AND q.book = p.book AND NOT q.flagged "
                + "AND NOT q.in_game AND q.line IS NOT NULL AND q.snapshot_at <= ?) "
                + "ORDER BY game_key, player_lookup, market, book", gameDate, asOf);
    }

    /** The closing line (last usable pre-game snapshot) per (game, player, market, book). */
    public static List<Line> closing(Warehouse w, LocalDate gameDate) {
        return query(w, COLUMNS + "WHERE game_date = ? AND is_closing ORDER BY game_key, player_lookup, market, book", gameDate,
                null);
    }

    private static List<Line> query(Warehouse w, String sql, LocalDate date, Instant asOf) {
        return w.jdbi().withHandle(h -> {
            var q = h.createQuery(sql).bind(0, date);
            if (asOf != null) {
                q.bind(1, asOf).bind(2, asOf);
            }
            return q.map((rs, sc) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            sc.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 5, sc), rs.getString(6), rs.getDouble(7),
                            nullableInt(rs, 8), nullableInt(rs, 9), rs.getBoolean(10), rs.getBoolean(11)))
                    .list();
        });
    }

    private static Integer nullableInt(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }
}
