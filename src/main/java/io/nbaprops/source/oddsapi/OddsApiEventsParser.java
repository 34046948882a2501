package io.nbaprops.source.oddsapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.GameKey;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Odds API {@code GET /v4/(historical/)sports/basketball_nba/events}: events (games) with their
 * commence time and teams into {@code oddsa_event}, so event odds can be requested per game and
 * joined to our game key.
 */
public final class OddsApiEventsParser implements PayloadParser {
    public static final String TABLE = "oddsa_event";
    private final String name;

    public OddsApiEventsParser(String name) {
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
        JsonNode data = env.data();
        if (data == null || !data.isArray()) {
            throw json.fail(env.dataPath(), "expected an array of events but found "
                    + (data == null ? "nothing" : data.getNodeType()), null);
        }
        Instant snapshot = env.snapshot() != null ? env.snapshot() : ctx.fetchedAt();
        ParsedRows out = new ParsedRows().table(TABLE);
        for (int i = 0; i < data.size(); i++) {
            String p = env.dataPath().isEmpty() ? "[" + i + "]" : JsonPayload.index(env.dataPath(), i);
            JsonNode e = data.get(i);
            json.requireObject(e, p);
            Instant commence = json.instant(e, "commence_time", p);
            String home = OddsApiEnvelope.team(json, e, "home_team", p);
            String away = OddsApiEnvelope.team(json, e, "away_team", p);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("event_id", json.text(e, "id", p));
            r.put("sport_key", json.optText(e, "sport_key", p));
            r.put("commence_time", commence);
            r.put("game_date", GameKey.easternDate(commence));
            r.put("game_key", GameKey.of(commence, away, home));
            r.put("home_team", home);
            r.put("away_team", away);
            r.put("snapshot_at", snapshot);
            r.put("payload_id", ctx.payloadId());
            out.add(TABLE, r);
        }
        return out;
    }
}
