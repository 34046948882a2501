package io.nbaprops.source.oddsapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.GameKey;
import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.OddsPrice;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Odds API {@code GET /v4/(historical/)sports/basketball_nba/events/{id}/odds}: one event's
 * markets per bookmaker. Player markets ({@code player_*}) become {@code oddsa_player_prop} rows,
 * one per player, book, market and snapshot with the Over and Under side by side; game markets
 * (h2h, spreads, totals) become {@code oddsa_game_line} rows, one per outcome.
 *
 * <p>Prices come as given (decimal 1.91 in our historical captures, American -115 in the documented
 * player-props example) and also as an American integer. The snapshot time is the historical
 * {@code timestamp}, else the fetch time, else the market's own last_update; a line quoted at or
 * after the commence time is marked {@code in_game}, never the pre-game line.
 */
public final class OddsApiEventOddsParser implements PayloadParser {
    public static final String PROPS = "oddsa_player_prop";
    public static final String LINES = "oddsa_game_line";
    private final String name;

    public OddsApiEventOddsParser(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        OddsApiEnvelope env = OddsApiEnvelope.of(json, root);
        Instant envelopeSnapshot = env.snapshot() != null ? env.snapshot() : ctx.fetchedAt();
        ParsedRows out = new ParsedRows().table(PROPS).table(LINES);
        JsonNode data = env.data();
        if (data != null && data.isArray()) {
            // GET /v4/sports/{sport}/odds answers with every event of the window at once.
            for (int i = 0; i < data.size(); i++) {
                String ep = env.dataPath().isEmpty() ? "[" + i + "]" : JsonPayload.index(env.dataPath(), i);
                event(json, data.get(i), ep, envelopeSnapshot, ctx, out);
            }
            return out;
        }
        event(json, data, env.dataPath(), envelopeSnapshot, ctx, out);
        return out;
    }

    private static void event(JsonPayload json, JsonNode e, String ep, Instant envelopeSnapshot, ParseContext ctx,
            ParsedRows out) {
        json.requireObject(e, ep);
        String eventId = json.text(e, "id", ep);
        Instant commence = json.instant(e, "commence_time", ep);
        String home = OddsApiEnvelope.team(json, e, "home_team", ep);
        String away = OddsApiEnvelope.team(json, e, "away_team", ep);
        String key = GameKey.of(commence, away, home);
        JsonNode books = json.array(e, "bookmakers", ep);
        for (int b = 0; b < books.size(); b++) {
            String bp = JsonPayload.index(JsonPayload.join(ep, "bookmakers"), b);
            JsonNode book = json.objectAt(books, b, JsonPayload.join(ep, "bookmakers"));
            String bookKey = json.text(book, "key", bp);
            Instant bookUpdate = json.optInstant(book, "last_update", bp);
            JsonNode markets = json.array(book, "markets", bp);
            for (int m = 0; m < markets.size(); m++) {
                String mp = JsonPayload.index(bp + ".markets", m);
                JsonNode market = json.objectAt(markets, m, bp + ".markets");
                String marketKey = json.text(market, "key", mp);
                Instant marketUpdate = json.optInstant(market, "last_update", mp);
                Instant updated = marketUpdate != null ? marketUpdate : bookUpdate;
                Instant snapshot = envelopeSnapshot != null ? envelopeSnapshot : updated;
                if (snapshot == null) {
                    throw json.fail(mp, "no snapshot time: neither a historical timestamp, a fetch time nor last_update", null);
                }
                Market ctxm = new Market(eventId, key, commence, home, away, bookKey, json.optText(book, "title", bp), marketKey,
                        snapshot, updated, !snapshot.isBefore(commence), ctx.payloadId());
                JsonNode outcomes = json.array(market, "outcomes", mp);
                if (marketKey.startsWith("player_")) {
                    if (marketKey.endsWith("_alternate")) {
                        out.skip(bookKey + " " + marketKey + ": alternate lines are not stored");
                        continue;
                    }
                    props(json, ctxm, outcomes, mp + ".outcomes", out);
                } else {
                    gameLines(json, ctxm, outcomes, mp + ".outcomes", out);
                }
            }
        }
    }

    /** What every row of one market shares. */
    private record Market(String eventId, String gameKey, Instant commence, String home, String away, String book,
            String bookTitle, String market, Instant snapshot, Instant updated, boolean inGame, String payloadId) {}

    private static void props(JsonPayload json, Market mk, JsonNode outcomes, String path, ParsedRows out) {
        Map<String, Map<String, Object>> byPlayer = new LinkedHashMap<>();
        for (int o = 0; o < outcomes.size(); o++) {
            String op = JsonPayload.index(path, o);
            JsonNode oc = json.objectAt(outcomes, o, path);
            String side = json.text(oc, "name", op).toLowerCase(Locale.ROOT);
            if (!side.equals("over") && !side.equals("under")) {
                throw json.fail(JsonPayload.join(op, "name"), "expected Over or Under but found \""
                        + JsonPayload.abbreviate(side) + "\"", null);
            }
            String player = json.text(oc, "description", op).strip();
            String lookup = PlayerLookup.of(player);
            if (lookup.isEmpty()) {
                throw json.fail(JsonPayload.join(op, "description"), "player name has no letters", null);
            }
            Map<String, Object> r = byPlayer.computeIfAbsent(lookup, k -> propRow(mk, player, lookup));
            if (r.get(side + "_price") != null) {
                out.skip(mk.book() + " " + mk.market() + " " + player + ": second " + side + " outcome ignored");
                continue;
            }
            Double price = json.optDouble(oc, "price", op);
            OddsPrice odds = price == null ? null : OddsPrice.of(price);
            r.put(side + "_point", json.optDouble(oc, "point", op));
            r.put(side + "_price", price);
            r.put(side + "_american", odds == null ? null : odds.american());
            if (odds != null) {
                r.put("price_format", odds.format());
            }
        }
        byPlayer.values().forEach(r -> out.add(PROPS, r));
    }

    private static Map<String, Object> propRow(Market mk, String player, String lookup) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("event_id", mk.eventId());
        r.put("bookmaker", mk.book());
        r.put("market", mk.market());
        r.put("player_lookup", lookup);
        r.put("snapshot_at", mk.snapshot());
        r.put("game_key", mk.gameKey());
        r.put("game_date", GameKey.easternDate(mk.commence()));
        r.put("commence_time", mk.commence());
        r.put("player_name", player);
        r.put("book_title", mk.bookTitle());
        r.put("book_updated_at", mk.updated());
        r.put("in_game", mk.inGame());
        r.put("over_point", null);
        r.put("over_price", null);
        r.put("over_american", null);
        r.put("under_point", null);
        r.put("under_price", null);
        r.put("under_american", null);
        r.put("price_format", null);
        r.put("payload_id", mk.payloadId());
        return r;
    }

    private static void gameLines(JsonPayload json, Market mk, JsonNode outcomes, String path, ParsedRows out) {
        for (int o = 0; o < outcomes.size(); o++) {
            String op = JsonPayload.index(path, o);
            JsonNode oc = json.objectAt(outcomes, o, path);
            String outcome = json.text(oc, "name", op).strip();
            String team = Teams.find(outcome).map(Teams.Team::tricode).orElse(null);
            String lower = outcome.toLowerCase(Locale.ROOT);
            String side = team != null ? (team.equals(mk.home()) ? "home" : team.equals(mk.away()) ? "away" : null)
                    : (lower.equals("over") || lower.equals("under") || lower.equals("draw") ? lower : null);
            if (side == null) {
                throw json.fail(JsonPayload.join(op, "name"), "outcome \"" + JsonPayload.abbreviate(outcome)
                        + "\" is neither a team of this game nor Over/Under", null);
            }
            Double price = json.optDouble(oc, "price", op);
            OddsPrice odds = price == null ? null : OddsPrice.of(price);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("event_id", mk.eventId());
            r.put("bookmaker", mk.book());
            r.put("market", mk.market());
            r.put("side", side);
            r.put("snapshot_at", mk.snapshot());
            r.put("game_key", mk.gameKey());
            r.put("game_date", GameKey.easternDate(mk.commence()));
            r.put("commence_time", mk.commence());
            r.put("outcome_name", outcome);
            r.put("team", team);
            r.put("point", json.optDouble(oc, "point", op));
            r.put("price", price);
            r.put("price_american", odds == null ? null : odds.american());
            r.put("price_format", odds == null ? null : odds.format());
            r.put("book_title", mk.bookTitle());
            r.put("book_updated_at", mk.updated());
            r.put("in_game", mk.inGame());
            r.put("payload_id", mk.payloadId());
            out.add(LINES, r);
        }
    }
}
