package io.nbaprops.publish;

import io.nbaprops.analytics.Seasons;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.predict.Market;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code cards/<date>/<player>.json}: what the public site's player prop card shows for each player predicted on a date,
 * written with the day's picks so the card exists before the games: the projection and pick per market, each book's
 * current pre-game line, each book's line movement up to the export (pre-game snapshots only, one entry per change), the
 * season's games before the date (the page computes the last 5/10/20/season hit rates against any line from them), the
 * opponent's defence for each market's stat, and the teammates listed out. Only markets with at least one book's line get
 * a card. Results and closing-line value come from
 * {@code results/<date>.json} once the date is graded. Set-based: five queries for the whole date.
 */
final class PlayerCards {
    static final String SCHEMA = "card/v1";

    private PlayerCards() {}

    /** Writes the date's cards; {@code current} are the date's current predictions (one row per player, market and system). */
    static int write(AssetContext ctx, Exports exports, LocalDate d, List<Map<String, Object>> current, Instant now, Instant asOf,
            String status, String note) {
        var jdbi = ctx.warehouse().jdbi();
        Map<String, Map<String, Object>> cards = new LinkedHashMap<>();
        for (Map<String, Object> r : current) {
            String player = (String) r.get("player_lookup");
            Map<String, Object> card = cards.computeIfAbsent(player, k -> {
                Map<String, Object> c = Exports.envelope(SCHEMA, d, now, asOf, status, note);
                c.put("player_lookup", k);
                c.put("player_name", r.get("player_name"));
                c.put("team", r.get("team"));
                c.put("opponent", r.get("opponent"));
                c.put("game_key", r.get("game_key"));
                c.put("tip_off", null);
                c.put("is_home", null);
                c.put("injury_status", null);
                c.put("teammates_out", new ArrayList<Map<String, Object>>());
                c.put("markets", new LinkedHashMap<String, Map<String, Object>>());
                c.put("games", new ArrayList<Map<String, Object>>());
                return c;
            });
            Map<String, Map<String, Object>> markets = map(card, "markets");
            Map<String, Object> m = markets.computeIfAbsent((String) r.get("market"), k -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("market", k);
                x.put("projection", null);
                x.put("recommendation", null);
                x.put("line", r.get("line_value"));
                x.put("book", r.get("line_book"));
                x.put("systems", new ArrayList<Map<String, Object>>());
                x.put("books", new ArrayList<Map<String, Object>>());
                x.put("movement", new ArrayList<Map<String, Object>>());
                x.put("opponent_defence", null);
                return x;
            });
            Map<String, Object> sys = new LinkedHashMap<>();
            sys.put("system", r.get("system_id"));
            sys.put("predicted", round(r.get("predicted")));
            sys.put("recommendation", r.get("recommendation"));
            list(m, "systems").add(sys);
            if ("ensemble".equals(r.get("system_id"))) {
                m.put("projection", round(r.get("predicted")));
                m.put("recommendation", r.get("recommendation"));
                m.put("line", r.get("line_value"));
                m.put("book", r.get("line_book"));
            }
        }
        if (cards.isEmpty()) {
            return 0;
        }
        lines(jdbi, d, cards);
        // A market no book priced has nothing to compare the projection with (the day's PASS says "no line"): no card for it,
        // which also keeps a season of cards to the players the books priced.
        cards.values().forEach(c -> map(c, "markets").values().removeIf(m -> list(m, "books").isEmpty()));
        cards.values().removeIf(c -> map(c, "markets").isEmpty());
        if (cards.isEmpty()) {
            return 0;
        }
        context(jdbi, d, cards);
        games(jdbi, d, cards);
        defence(jdbi, d, cards);
        Map<String, Object> files = new LinkedHashMap<>();
        cards.forEach((player, card) -> {
            card.put("markets", new ArrayList<>(map(card, "markets").values()));
            files.put("cards/" + d + "/" + player + ".json", card);
        });
        exports.store().writeAll(files, ctx::checkCancelled);
        return cards.size();
    }

    /** Tip-off, home or away, the player's own injury status, and the teammates listed out for the game. */
    private static void context(org.jdbi.v3.core.Jdbi jdbi, LocalDate d, Map<String, Map<String, Object>> cards) {
        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery("SELECT game_key, player_lookup, player_name, team, is_home, "
                        + "tip_off, injury_status, injury_code, injury_reason FROM upcoming_player_game_context WHERE game_date = ? "
                        + "ORDER BY game_key, team, player_name")
                .bind(0, d).mapToMap().list());
        Map<String, List<Map<String, Object>>> outByTeam = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            if (((Number) r.get("injury_code")).intValue() >= 4) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("player_name", r.get("player_name"));
                out.put("injury_status", r.get("injury_status"));
                out.put("reason", r.get("injury_reason"));
                outByTeam.computeIfAbsent(r.get("game_key") + "|" + r.get("team"), k -> new ArrayList<>()).add(out);
            }
        }
        for (Map<String, Object> r : rows) {
            Map<String, Object> card = cards.get((String) r.get("player_lookup"));
            if (card != null && Objects.equals(card.get("game_key"), r.get("game_key"))) {
                card.put("tip_off", PicksExportAsset.str(r.get("tip_off")));
                card.put("is_home", r.get("is_home"));
                card.put("injury_status", r.get("injury_status"));
                card.put("teammates_out", outByTeam.getOrDefault(r.get("game_key") + "|" + r.get("team"), List.of()).stream()
                        .filter(o -> !Objects.equals(o.get("player_name"), card.get("player_name"))).toList());
            }
        }
    }

    /**
     * Each book's pre-game snapshots of the date (usable, not in-game), oldest first: the movement keeps the first snapshot
     * and every change of line or price; the books list is each book's newest.
     */
    private static void lines(org.jdbi.v3.core.Jdbi jdbi, LocalDate d, Map<String, Map<String, Object>> cards) {
        Map<String, String> marketOfBookKey = new LinkedHashMap<>();
        for (Market m : Market.values()) {
            marketOfBookKey.put(m.bookKey(), m.key());
        }
        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery("SELECT game_key, player_lookup, market, book, snapshot_at, line, "
                        + "over_price_american AS over_price, under_price_american AS under_price FROM prop_line "
                        + "WHERE game_date = ? AND NOT in_game AND NOT flagged AND line IS NOT NULL "
                        + "ORDER BY player_lookup, market, book, snapshot_at")
                .bind(0, d).mapToMap().list());
        Map<String, Object> last = null;
        for (Map<String, Object> r : rows) {
            Map<String, Object> card = cards.get((String) r.get("player_lookup"));
            String market = marketOfBookKey.get((String) r.get("market"));
            if (card == null || market == null || !Objects.equals(card.get("game_key"), r.get("game_key"))) {
                continue;
            }
            Map<String, Object> m = map(card, "markets").get(market);
            if (m == null) {
                continue;
            }
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("book", r.get("book"));
            point.put("snapshot_at", PicksExportAsset.str(r.get("snapshot_at")));
            point.put("line", r.get("line"));
            point.put("over_price", r.get("over_price"));
            point.put("under_price", r.get("under_price"));
            List<Map<String, Object>> movement = list(m, "movement");
            boolean sameSeries = last != null && last.get("_m") == m && Objects.equals(last.get("book"), point.get("book"));
            boolean changed = !sameSeries || !Objects.equals(last.get("line"), point.get("line"))
                    || !Objects.equals(last.get("over_price"), point.get("over_price"))
                    || !Objects.equals(last.get("under_price"), point.get("under_price"));
            if (changed) {
                movement.add(point);
            }
            List<Map<String, Object>> books = list(m, "books");
            if (sameSeries) {
                books.set(books.size() - 1, point);
            } else {
                books.add(point);
            }
            last = new LinkedHashMap<>(point);
            last.put("_m", m);
        }
    }

    /** The season's games before the date of every carded player, newest first (a DNP is kept with played = false). */
    private static void games(org.jdbi.v3.core.Jdbi jdbi, LocalDate d, Map<String, Map<String, Object>> cards) {
        // One column per market, named by its key, from the market's own stat expression: a new market needs no change here.
        String stats = java.util.Arrays.stream(Market.values()).map(m -> m.statSql("s") + " AS " + m.key())
                .collect(java.util.stream.Collectors.joining(", "));
        List<Map<String, Object>> rows = PerformanceReport.rounded(jdbi.withHandle(h -> h.createQuery(
                        "WITH ps AS (SELECT DISTINCT player_lookup FROM prediction WHERE game_date = ?) "
                        + "SELECT s.player_lookup, CAST(s.game_date AS VARCHAR) AS date, s.opponent, s.played, s.minutes, " + stats
                        + " FROM player_game_summary s JOIN ps ON ps.player_lookup = s.player_lookup "
                        + "WHERE s.game_date >= ? AND s.game_date < ? ORDER BY s.player_lookup, s.game_date DESC")
                .bind(0, d).bind(1, Seasons.start(d)).bind(2, d).mapToMap().list()));
        for (Map<String, Object> r : rows) {
            Map<String, Object> card = cards.get((String) r.remove("player_lookup"));
            if (card != null) {
                list(card, "games").add(r);
            }
        }
    }

    /**
     * Each market's stat allowed per game by each team (its opponents' players summed per game), this season before the
     * date; rank 1 allows the fewest. The card gets its opponent's figure, the league average and the rank.
     */
    private static void defence(org.jdbi.v3.core.Jdbi jdbi, LocalDate d, Map<String, Map<String, Object>> cards) {
        String sums = java.util.Arrays.stream(Market.values()).map(m -> "sum(" + m.statSql("s") + ") AS " + m.key())
                .collect(java.util.stream.Collectors.joining(", "));
        String avgs = java.util.Arrays.stream(Market.values()).map(m -> "avg(" + m.key() + ") AS " + m.key())
                .collect(java.util.stream.Collectors.joining(", "));
        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery("WITH a AS (SELECT s.opponent AS team, s.game_key, " + sums
                        + " FROM player_game_summary s WHERE s.game_date >= ? AND s.game_date < ? GROUP BY s.opponent, s.game_key) "
                        + "SELECT team, count(*) AS games, " + avgs + " FROM a GROUP BY team ORDER BY team")
                .bind(0, Seasons.start(d)).bind(1, d).mapToMap().list());
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Map<String, Map<String, Object>>> byMarket = new LinkedHashMap<>();
        for (Market market : Market.values()) {
            String col = market.key();
            List<Map<String, Object>> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparingDouble(r -> ((Number) r.get(col)).doubleValue()));
            double league = rows.stream().mapToDouble(r -> ((Number) r.get(col)).doubleValue()).average().orElse(Double.NaN);
            Map<String, Map<String, Object>> teams = new LinkedHashMap<>();
            for (int i = 0; i < sorted.size(); i++) {
                Map<String, Object> r = sorted.get(i);
                Map<String, Object> def = new LinkedHashMap<>();
                def.put("team", r.get("team"));
                def.put("allowed_per_game", round(r.get(col)));
                def.put("league_average", round(league));
                def.put("rank", i + 1);
                def.put("teams", sorted.size());
                def.put("games", ((Number) r.get("games")).intValue());
                teams.put((String) r.get("team"), def);
            }
            byMarket.put(col, teams);
        }
        for (Map<String, Object> card : cards.values()) {
            map(card, "markets").forEach((market, m) -> {
                Map<String, Map<String, Object>> teams = byMarket.get(market);
                if (teams != null) {
                    m.put("opponent_defence", teams.get((String) card.get("opponent")));
                }
            });
        }
    }

    private static Double round(Object o) {
        return o instanceof Number n ? Math.round(n.doubleValue() * 100) / 100.0 : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> map(Map<String, Object> m, String key) {
        return (Map<String, Map<String, Object>>) m.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }
}
