package io.nbaprops.raw.lines;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Builds the cross-source line history of one game date from the raw sportsbook tables:
 * {@code prop_line} from The Odds API ({@code oddsa_player_prop}) and BettingPros
 * ({@code bp_player_prop} joined to {@code bp_event} for the game), and {@code game_line} from The
 * Odds API's game markets. The whole date is rebuilt from every stored snapshot and replaces the
 * partition, so running it twice gives the same rows. Tip-off is the canonical schedule's when
 * known, else the source's own commence time. When both sources quote the same book at the same
 * instant, The Odds API's row is kept.
 */
public final class LineHistoryAsset implements Asset {
    private final String name;
    private final boolean props;
    private final List<Dependency> upstream;

    private LineHistoryAsset(String name, boolean props, List<String> upstream) {
        this.name = name;
        this.props = props;
        this.upstream = upstream.stream().map(Dependency::same).toList();
    }

    /** {@code prop_line}, after the given raw assets (Odds API props, BettingPros events and props). */
    /**
     * Whether an asset collects, parses or builds the books' lines (events, props, game lines, the line history): what the
     * closing-line collection shortly before each tip-off runs, and nothing else.
     */
    public static boolean isLineAsset(String name) {
        return name.equals("prop_line") || name.equals("game_line")
                || (name.startsWith("collect_") || name.startsWith("raw_")) && (name.contains("oddsa_") || name.contains("bp_"));
    }

    public static LineHistoryAsset propLines(List<String> upstream) {
        return new LineHistoryAsset("prop_line", true, upstream);
    }

    /** {@code game_line}, after the given raw assets (Odds API game lines). */
    public static LineHistoryAsset gameLines(List<String> upstream) {
        return new LineHistoryAsset("game_line", false, upstream);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Phase phase() {
        return Phase.RAW;
    }

    @Override
    public List<Dependency> upstream() {
        return upstream;
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        return props ? buildProps(ctx) : buildGameLines(ctx);
    }

    private AssetResult buildProps(AssetContext ctx) {
        Warehouse w = ctx.warehouse();
        LocalDate date = ctx.partition();
        Map<String, Instant> tips = canonicalTips(w, date);
        Map<List<Object>, PropSnapshot> byKey = new LinkedHashMap<>();
        for (PropSnapshot s : bettingPros(w, date, tips)) {
            byKey.put(key(s), s);
        }
        for (PropSnapshot s : oddsApi(w, date, tips)) {
            byKey.put(key(s), s);
        }
        List<PropLineRules.Judged> judged = PropLineRules.judge(new ArrayList<>(byKey.values()));
        RowBatch batch = RowBatch.of("prop_line", "game_key", "player_lookup", "market", "book", "snapshot_at", "game_date",
                "source", "player_name", "tip_off", "line", "over_price", "under_price", "price_format", "over_price_american",
                "under_price_american", "in_game", "flagged", "flag_reason", "is_opening", "is_closing");
        long flagged = 0;
        for (PropLineRules.Judged j : judged) {
            PropSnapshot s = j.snapshot();
            flagged += j.flagged() ? 1 : 0;
            batch.add(s.gameKey(), s.playerLookup(), s.market(), s.book(), s.snapshotAt(), s.gameDate(), s.source(),
                    s.playerName(), s.tipOff(), s.line(), s.overPrice(), s.underPrice(), s.priceFormat(), s.overAmerican(),
                    s.underAmerican(), s.inGame(), j.flagged(), j.flagReason(), j.opening(), j.closing());
        }
        long written = replace(ctx, batch);
        long inGame = judged.stream().filter(j -> j.snapshot().inGame()).count();
        return AssetResult.of(written, judged.size() + " prop line snapshot(s) for " + date + ": " + flagged + " flagged, "
                + inGame + " in-game");
    }

    private AssetResult buildGameLines(AssetContext ctx) {
        Warehouse w = ctx.warehouse();
        LocalDate date = ctx.partition();
        Map<String, Instant> tips = canonicalTips(w, date);
        Map<List<Object>, Map<String, Object>> pivot = new LinkedHashMap<>();
        w.jdbi().useHandle(h -> h.createQuery("SELECT game_key, market, bookmaker, snapshot_at, game_date, commence_time, side, "
                        + "point, price_american FROM oddsa_game_line WHERE game_date = ?")
                .bind(0, date)
                .map((rs, sc) -> {
                    Map<String, Object> r = new HashMap<>();
                    r.put("game_key", rs.getString(1));
                    r.put("market", GameLineSnapshot.market(rs.getString(2)));
                    r.put("book", rs.getString(3));
                    r.put("snapshot_at", instant(rs, 4, sc));
                    r.put("game_date", sc.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, 5, sc));
                    r.put("commence", instant(rs, 6, sc));
                    r.put("side", rs.getString(7));
                    r.put("point", dbl(rs, 8));
                    r.put("price", integer(rs, 9));
                    return r;
                })
                .forEach(r -> {
                    Map<String, Object> p = pivot.computeIfAbsent(List.of(r.get("game_key"), r.get("market"), r.get("book"),
                            r.get("snapshot_at")), k -> new HashMap<>(r));
                    p.put(r.get("side") + "_point", r.get("point"));
                    p.put(r.get("side") + "_price", r.get("price"));
                }));
        List<GameLineSnapshot> snaps = new ArrayList<>();
        for (Map<String, Object> p : pivot.values()) {
            Instant tip = tips.getOrDefault((String) p.get("game_key"), (Instant) p.get("commence"));
            snaps.add(new GameLineSnapshot((String) p.get("game_key"), (String) p.get("market"), (String) p.get("book"),
                    (Instant) p.get("snapshot_at"), (LocalDate) p.get("game_date"), "oddsa", tip, (Double) p.get("home_point"),
                    (Double) p.get("away_point"), (Double) p.get("over_point"), (Integer) p.get("home_price"),
                    (Integer) p.get("away_price"), (Integer) p.get("over_price"), (Integer) p.get("under_price")));
        }
        Map<List<Object>, GameLineSnapshot[]> firstLast = new HashMap<>();
        for (GameLineSnapshot s : snaps) {
            if (s.flagReason() == null && !s.inGame()) {
                GameLineSnapshot[] fl = firstLast.computeIfAbsent(List.of(s.gameKey(), s.market(), s.book()),
                        k -> new GameLineSnapshot[] {s, s});
                fl[0] = s.snapshotAt().isBefore(fl[0].snapshotAt()) ? s : fl[0];
                fl[1] = s.snapshotAt().isAfter(fl[1].snapshotAt()) ? s : fl[1];
            }
        }
        RowBatch batch = RowBatch.of("game_line", "game_key", "market", "book", "snapshot_at", "game_date", "source", "tip_off",
                "home_point", "away_point", "total_point", "home_price_american", "away_price_american", "over_price_american",
                "under_price_american", "in_game", "flagged", "flag_reason", "is_opening", "is_closing");
        long flagged = 0;
        for (GameLineSnapshot s : snaps) {
            String reason = s.flagReason();
            flagged += reason == null ? 0 : 1;
            GameLineSnapshot[] fl = firstLast.get(List.of(s.gameKey(), s.market(), s.book()));
            boolean usable = reason == null && !s.inGame();
            batch.add(s.gameKey(), s.market(), s.book(), s.snapshotAt(), s.gameDate(), s.source(), s.tipOff(), s.homePoint(),
                    s.awayPoint(), s.totalPoint(), s.homePrice(), s.awayPrice(), s.overPrice(), s.underPrice(), s.inGame(),
                    reason != null, reason, usable && fl != null && fl[0] == s, usable && fl != null && fl[1] == s);
        }
        long written = replace(ctx, batch);
        return AssetResult.of(written, snaps.size() + " game line snapshot(s) for " + date + ": " + flagged + " flagged");
    }

    private static long replace(AssetContext ctx, RowBatch batch) {
        return ctx.write(tx -> {
            if (batch.isEmpty()) {
                tx.deletePartition(batch.table(), "game_date", ctx.partition());
            } else {
                // Rebuilt after every collection of the date, mostly the same rows: only the difference is written.
                tx.replacePartitionByDifference(batch, "game_date", ctx.partition());
            }
        });
    }

    private static List<Object> key(PropSnapshot s) {
        return List.of(s.gameKey(), s.playerLookup(), s.market(), s.book(), s.snapshotAt());
    }

    private static Map<String, Instant> canonicalTips(Warehouse w, LocalDate date) {
        Map<String, Instant> tips = new HashMap<>();
        w.jdbi().useHandle(h -> h.createQuery("SELECT game_key, tip_off FROM game WHERE game_date = ? AND tip_off IS NOT NULL")
                .bind(0, date)
                .map((rs, sc) -> Map.entry(rs.getString(1), instant(rs, 2, sc)))
                .forEach(e -> tips.put(e.getKey(), e.getValue())));
        return tips;
    }

    private static List<PropSnapshot> oddsApi(Warehouse w, LocalDate date, Map<String, Instant> tips) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT game_key, player_lookup, market, bookmaker, snapshot_at, game_date, "
                        + "player_name, commence_time, over_point, under_point, over_price, under_price, price_format, over_american, "
                        + "under_american FROM oddsa_player_prop WHERE game_date = ?")
                .bind(0, date)
                .map((rs, sc) -> new PropSnapshot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5, sc), sc.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, 6, sc), "oddsa",
                        rs.getString(7), tips.getOrDefault(rs.getString(1), instant(rs, 8, sc)), dbl(rs, 9), dbl(rs, 10), dbl(rs, 11),
                        dbl(rs, 12), rs.getString(13), integer(rs, 14), integer(rs, 15)))
                .list());
    }

    private static List<PropSnapshot> bettingPros(Warehouse w, LocalDate date, Map<String, Instant> tips) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT e.game_key, p.player_lookup, p.market, p.bookmaker, p.snapshot_at, "
                        + "e.game_date, p.player_name, e.tip_off, p.over_line, p.under_line, p.over_price, p.under_price, "
                        + "p.over_american, p.under_american FROM bp_player_prop p JOIN bp_event e ON e.event_id = p.event_id "
                        + "WHERE e.game_date = ?")
                .bind(0, date)
                .map((rs, sc) -> new PropSnapshot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5, sc), sc.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, 6, sc), "bettingpros",
                        rs.getString(7), tips.getOrDefault(rs.getString(1), instant(rs, 8, sc)), dbl(rs, 9), dbl(rs, 10), dbl(rs, 11),
                        dbl(rs, 12), "american", integer(rs, 13), integer(rs, 14)))
                .list());
    }

    private static Instant instant(java.sql.ResultSet rs, int col, StatementContext sc) throws java.sql.SQLException {
        return sc.findColumnMapperFor(Instant.class).orElseThrow().map(rs, col, sc);
    }

    private static Double dbl(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }
}
