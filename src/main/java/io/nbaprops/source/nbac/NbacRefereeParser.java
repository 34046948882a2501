package io.nbaprops.source.nbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.GameKey;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * official.nba.com {@code get-game-officials?date=}: the NBA section's crews (official1..4 per game)
 * into {@code nbac_referee_assignment}, one row per game and slot. The G League and WNBA sections of
 * the same answer are not ours and are ignored.
 */
public final class NbacRefereeParser implements PayloadParser {
    public static final String TABLE = "nbac_referee_assignment";
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    @Override
    public String name() {
        return "nbac_referee_assignments";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        json.requireObject(root, "");
        JsonNode rows = json.array(json.object(json.object(root, "nba", ""), "Table", "nba"), "rows", "nba.Table");
        ParsedRows out = new ParsedRows().table(TABLE);
        for (int i = 0; i < rows.size(); i++) {
            String p = JsonPayload.index("nba.Table.rows", i);
            JsonNode g = json.objectAt(rows, i, "nba.Table.rows");
            String gameId = json.text(g, "game_id", p);
            String dateText = json.text(g, "game_date", p);
            LocalDate date;
            try {
                date = LocalDate.parse(dateText.strip(), US);
            } catch (DateTimeParseException e) {
                throw json.fail(JsonPayload.join(p, "game_date"), "not a MM/dd/yyyy date: \"" + JsonPayload.abbreviate(dateText)
                        + "\"", e);
            }
            String home = NbacTeams.byId(json, g, "home_team_id", p);
            String away = NbacTeams.byId(json, g, "away_team_id", p);
            for (int slot = 1; slot <= 4; slot++) {
                String official = json.optText(g, "official" + slot, p);
                if (official == null || official.isBlank()) {
                    continue;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("game_id", gameId);
                r.put("slot", slot);
                r.put("game_date", date);
                r.put("game_key", GameKey.of(date, away, home));
                r.put("official_name", official.strip());
                r.put("official_code", json.optLong(g, "official" + slot + "_code", p));
                r.put("jersey_number", json.optText(g, "official" + slot + "_JNum", p));
                r.put("payload_id", ctx.payloadId());
                out.add(TABLE, r);
            }
        }
        return out;
    }
}
