package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * balldontlie {@code GET /v1/odds?date=}: game lines per vendor, into {@code bdl_game_odds}. Our
 * captures of it are empty ({@code {"data": []}}), so every line field is optional; the id, game
 * and vendor are required because without them a row means nothing.
 */
public final class BdlOddsParser extends BdlDataParser {
    public static final String TABLE = "bdl_game_odds";
    private static final String[] VALUES = {"spread_home_value", "spread_away_value", "total_value"};
    private static final String[] PRICES = {"spread_home_odds", "spread_away_odds", "moneyline_home_odds",
        "moneyline_away_odds", "total_over_odds", "total_under_odds"};

    public BdlOddsParser() {
        super("bdl_odds", TABLE);
    }

    @Override
    void element(JsonPayload json, JsonNode e, String path, ParseContext ctx, ParsedRows out) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("odds_id", json.longValue(e, "id", path));
        r.put("game_id", json.longValue(e, "game_id", path));
        r.put("vendor", json.text(e, "vendor", path));
        for (String v : VALUES) {
            r.put(v, json.optDouble(e, v, path));
        }
        for (String p : PRICES) {
            r.put(p, json.optInt(e, p, path));
        }
        r.put("updated_at", json.optInstant(e, "updated_at", path));
        r.put("payload_id", ctx.payloadId());
        out.add(TABLE, r);
    }
}
