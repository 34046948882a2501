package io.nbaprops.source.bettingpros;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.PlayerLookup;
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
 * BettingPros {@code GET /v3/offers?sport=NBA&market_id=&event_id=&page=}: player-prop offers into
 * {@code bp_player_prop}, one row per event, market, player, book and snapshot with Over and Under
 * side by side. An offer has {@code participants[0]} (the player) and {@code selections} (over,
 * under), each with {@code books[].lines[]} ({@code line}, {@code cost} in American odds,
 * {@code updated}) and an {@code opening_line}. The snapshot is the fetch time, else the newest
 * line update. The event id joins {@code bp_event} for the game key (see the prop_line builder).
 */
public final class BpPlayerPropsParser implements PayloadParser {
    public static final String TABLE = "bp_player_prop";

    @Override
    public String name() {
        return "bp_player_props";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        json.requireObject(root, "");
        JsonNode offers = json.array(root, "offers", "");
        ParsedRows out = new ParsedRows().table(TABLE);
        for (int i = 0; i < offers.size(); i++) {
            String p = JsonPayload.index("offers", i);
            offer(json, json.objectAt(offers, i, "offers"), p, ctx, out);
        }
        return out;
    }

    private static void offer(JsonPayload json, JsonNode offer, String p, ParseContext ctx, ParsedRows out) {
        long eventId = json.longValue(offer, "event_id", p);
        long marketId = json.longValue(offer, "market_id", p);
        JsonNode parts = json.array(offer, "participants", p);
        if (parts.isEmpty()) {
            throw json.fail(p + ".participants", "offer has no player", null);
        }
        JsonNode part = json.objectAt(parts, 0, p + ".participants");
        String pp = p + ".participants[0]";
        String name = json.text(part, "name", pp).strip();
        if (PlayerLookup.of(name).isEmpty()) {
            throw json.fail(pp + ".name", "player name has no letters", null);
        }
        JsonNode player = json.optObject(part, "player", pp);
        Map<Long, Map<String, Object>> byBook = new LinkedHashMap<>();
        JsonNode selections = json.array(offer, "selections", p);
        for (int s = 0; s < selections.size(); s++) {
            String sp = JsonPayload.index(p + ".selections", s);
            JsonNode sel = json.objectAt(selections, s, p + ".selections");
            String side = json.text(sel, "selection", sp).toLowerCase(Locale.ROOT);
            if (!side.equals("over") && !side.equals("under")) {
                continue;
            }
            JsonNode opening = json.optObject(sel, "opening_line", sp);
            JsonNode books = json.array(sel, "books", sp);
            for (int b = 0; b < books.size(); b++) {
                String bp = JsonPayload.index(sp + ".books", b);
                JsonNode book = json.objectAt(books, b, sp + ".books");
                long bookId = json.longValue(book, "id", bp);
                JsonNode lines = json.array(book, "lines", bp);
                JsonNode line = null;
                int li = -1;
                for (int l = 0; l < lines.size() && line == null; l++) {
                    JsonNode cand = json.objectAt(lines, l, bp + ".lines");
                    Boolean active = json.optBool(cand, "active", JsonPayload.index(bp + ".lines", l));
                    if (active == null || active) {
                        line = cand;
                        li = l;
                    }
                }
                if (line == null) {
                    continue;
                }
                String lp = JsonPayload.index(bp + ".lines", li);
                Map<String, Object> r = byBook.computeIfAbsent(bookId, k -> row(eventId, marketId, name, k, player, json, pp,
                        offer, p, ctx));
                Double cost = json.optDouble(line, "cost", lp);
                OddsPrice odds = cost == null ? null : OddsPrice.of(cost);
                r.put(side + "_line", json.optDouble(line, "line", lp));
                r.put(side + "_price", cost);
                r.put(side + "_american", odds == null ? null : odds.american());
                Instant updated = json.optInstant(line, "updated", lp);
                if (updated != null && (r.get("book_updated_at") == null || updated.isAfter((Instant) r.get("book_updated_at")))) {
                    r.put("book_updated_at", updated);
                }
                if (opening != null) {
                    r.put("opening_" + side + "_line", json.optDouble(opening, "line", sp + ".opening_line"));
                    r.put("opening_" + side + "_price", json.optDouble(opening, "cost", sp + ".opening_line"));
                }
            }
        }
        for (Map<String, Object> r : byBook.values()) {
            Instant snap = ctx.fetchedAt() != null ? ctx.fetchedAt() : (Instant) r.get("book_updated_at");
            if (snap == null) {
                throw json.fail(p, "no snapshot time: neither a fetch time nor a line update time", null);
            }
            r.put("snapshot_at", snap);
            out.add(TABLE, r);
        }
    }

    private static Map<String, Object> row(long eventId, long marketId, String name, long bookId, JsonNode player,
            JsonPayload json, String pp, JsonNode offer, String p, ParseContext ctx) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("event_id", eventId);
        r.put("market", BpBooks.market(marketId));
        r.put("player_lookup", PlayerLookup.of(name));
        r.put("bookmaker", BpBooks.book(bookId));
        r.put("snapshot_at", null);
        r.put("market_id", marketId);
        r.put("book_id", bookId);
        r.put("offer_id", json.optText(offer, "id", p));
        r.put("player_name", name);
        r.put("player_team", player == null ? null : json.optText(player, "team", pp + ".player"));
        for (String side : new String[] {"over", "under"}) {
            r.put(side + "_line", null);
            r.put(side + "_price", null);
            r.put(side + "_american", null);
            r.put("opening_" + side + "_line", null);
            r.put("opening_" + side + "_price", null);
        }
        r.put("book_updated_at", null);
        r.put("payload_id", ctx.payloadId());
        return r;
    }
}
