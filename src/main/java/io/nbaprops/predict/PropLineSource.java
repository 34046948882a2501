package io.nbaprops.predict;

import io.nbaprops.store.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lines from {@code prop_line}: per player-game, each book's newest pre-game snapshot taken at or
 * before {@code asOf}; the first book of the configured priority with a usable line wins (the single-book
 * reference), otherwise the newest flagged one is returned so the PASS can say why; {@link #quotes} lists every
 * book's usable quote for the best price. One query per date and market.
 */
public final class PropLineSource implements LineSource {
    private final Warehouse warehouse;
    private final List<String> bookPriority;

    public PropLineSource(Warehouse warehouse, List<String> bookPriority) {
        this.warehouse = warehouse;
        this.bookPriority = List.copyOf(bookPriority);
    }

    private record Quoted(String gameKey, String player, LineQuote quote) {}

    @Override
    public Map<String, LineQuote> lines(LocalDate date, Market market, Instant asOf) {
        return lines(date, market, asOf, (Set<String>) null);
    }

    /** {@code players} null: everyone's. The choice among books is per player-game, so filtering players first changes no choice. */
    @Override
    public Map<String, LineQuote> lines(LocalDate date, Market market, Instant asOf, Set<String> players) {
        Map<String, LineQuote> best = new HashMap<>();
        for (Quoted r : query(date, market, asOf, players)) {
            LineQuote q = r.quote();
            String key = LineSource.key(r.gameKey(), r.player());
            LineQuote current = best.get(key);
            if (current == null || better(q, current)) {
                best.put(key, q);
            }
        }
        return best;
    }

    /** Every book's usable newest quote per player-game, ordered by book (the shop a best-price pick chooses from). */
    @Override
    public Map<String, List<LineQuote>> quotes(LocalDate date, Market market, Instant asOf, Set<String> players) {
        Map<String, List<LineQuote>> out = new HashMap<>();
        for (Quoted r : query(date, market, asOf, players)) {
            if (r.quote().usable()) {
                out.computeIfAbsent(LineSource.key(r.gameKey(), r.player()), k -> new java.util.ArrayList<>()).add(r.quote());
            }
        }
        out.values().forEach(l -> l.sort(java.util.Comparator.comparing(LineQuote::book)));
        return out;
    }

    private List<Quoted> query(LocalDate date, Market market, Instant asOf, Set<String> players) {
        return warehouse.jdbi().withHandle(h -> {
            var query = h.createQuery("""
                        SELECT game_key, player_lookup, book, snapshot_at, line, over_price_american, under_price_american, flagged, flag_reason
                        FROM (SELECT p.*, row_number() OVER (PARTITION BY game_key, player_lookup, book ORDER BY snapshot_at DESC) AS rn
                              FROM prop_line p WHERE game_date = :date AND market = :market AND NOT in_game AND snapshot_at <= :asOf
                                   AND (tip_off IS NULL OR snapshot_at < tip_off) """ + (players == null ? "" : "AND player_lookup IN (<who>)") + """
                        ) x
                        WHERE rn = 1""")
                .bind("date", date).bind("market", market.bookKey()).bind("asOf", asOf);
            if (players != null) {
                query.bindList("who", players.isEmpty() ? List.of("") : List.copyOf(players));
            }
            return query.map((rs, ctx) -> {
                    Double line = (Double) rs.getObject(5);
                    Integer over = (Integer) rs.getObject(6);
                    Integer under = (Integer) rs.getObject(7);
                    boolean flagged = rs.getBoolean(8) || line == null;
                    String why = line == null ? "no point in the quote" : rs.getString(9);
                    LineQuote q = new LineQuote(rs.getString(3), line == null ? Double.NaN : line, over, under,
                            ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 4, ctx), flagged, why);
                    return new Quoted(rs.getString(1), rs.getString(2), q);
                }).list();
        });
    }

    /** Usable beats flagged; among usable, the higher-priority book; among flagged, the newer snapshot. */
    private boolean better(LineQuote a, LineQuote b) {
        if (a.usable() != b.usable()) {
            return a.usable();
        }
        if (a.usable()) {
            return rank(a.book()) < rank(b.book()) || (rank(a.book()) == rank(b.book()) && a.snapshotAt().isAfter(b.snapshotAt()));
        }
        return a.snapshotAt().isAfter(b.snapshotAt());
    }

    private int rank(String book) {
        int i = bookPriority.indexOf(book);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
