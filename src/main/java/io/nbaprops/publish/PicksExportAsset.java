package io.nbaprops.publish;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.predict.PredictionAsset;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The day's picks for the website ({@code picks/<date>.json}, and {@code picks/latest.json} for the
 * newest date): every expected player-game with each system's current prediction (latest line),
 * confidence, edge, reason, value and top contributions, and the ensemble's picks ranked by value.
 * If predictions are missing for some expected players, or lines moved after the predictions, the
 * file says so in its status instead of presenting them as fresh.
 */
public final class PicksExportAsset implements Asset {
    public static final String NAME = "export_picks";
    public static final String SCHEMA = "picks/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Exports exports;

    public PicksExportAsset(Exports exports) {
        this.exports = exports;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Phase phase() {
        return Phase.PUBLISH;
    }

    @Override
    public List<Dependency> upstream() {
        return List.of(Dependency.same(PredictionAsset.NAME));
    }

    static final String CURRENT = """
            SELECT * FROM (
                SELECT p.*, row_number() OVER (PARTITION BY p.game_key, p.player_lookup, p.market, p.system_id
                                               ORDER BY p.line_snapshot_at DESC NULLS LAST, p.line_key DESC) AS rn
                FROM prediction p WHERE p.game_date = ?) x
            WHERE rn = 1 ORDER BY game_key, player_lookup, market, system_id""";

    @Override
    public AssetResult materialize(AssetContext ctx) {
        LocalDate d = ctx.partition();
        var jdbi = ctx.warehouse().jdbi();
        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery(CURRENT).bind(0, d).mapToMap().list());
        Map<String, Map<String, Object>> tips = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT game_key, tip_off, home_team, away_team, status FROM game WHERE game_date = ? "
                + "ORDER BY tip_off, game_key").bind(0, d).mapToMap().forEach(r -> tips.put((String) r.get("game_key"), r)));
        long expected = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM upcoming_player_game_context WHERE game_date = ? "
                + "AND injury_code < 4").bind(0, d).mapTo(Long.class).one());
        Instant lastPrediction = rows.stream().map(r -> ts(r.get("created_at"))).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Instant newestLine = jdbi.withHandle(h -> h.createQuery("SELECT max(snapshot_at) FROM prop_line WHERE game_date = ? AND NOT in_game")
                .bind(0, d).mapTo(Instant.class).findOne().orElse(null));
        Instant newestUsed = rows.stream().map(r -> ts(r.get("line_snapshot_at"))).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);

        Map<String, Map<String, Object>> byPlayerGame = new LinkedHashMap<>();
        List<Map<String, Object>> picks = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String key = r.get("game_key") + "|" + r.get("player_lookup") + "|" + r.get("market");
            Map<String, Object> pg = byPlayerGame.computeIfAbsent(key, k -> playerGame(r, tips.get((String) r.get("game_key"))));
            Map<String, Object> sys = system(r);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> systems = (List<Map<String, Object>>) pg.get("systems");
            systems.add(sys);
            if ("ensemble".equals(r.get("system_id")) && !"PASS".equals(r.get("recommendation"))) {
                Map<String, Object> pick = new LinkedHashMap<>();
                pick.put("game_key", r.get("game_key"));
                pick.put("player_lookup", r.get("player_lookup"));
                pick.put("player_name", r.get("player_name"));
                pick.put("team", r.get("team"));
                pick.put("opponent", r.get("opponent"));
                pick.put("market", r.get("market"));
                pick.put("pick", r.get("recommendation"));
                pick.put("line", r.get("line_value"));
                pick.put("book", r.get("line_book"));
                pick.put("price", "OVER".equals(r.get("recommendation")) ? r.get("over_price") : r.get("under_price"));
                pick.put("predicted", r.get("predicted"));
                pick.put("confidence", r.get("confidence"));
                pick.put("edge", r.get("edge"));
                pick.put("expected_value", r.get("expected_value"));
                pick.put("kelly_stake", r.get("kelly_stake"));
                pick.put("reason", r.get("reason"));
                picks.add(pick);
            }
        }
        picks.sort(Comparator.comparingDouble((Map<String, Object> p) -> -num(p.get("expected_value"))));
        long predictedPlayers = byPlayerGame.keySet().stream().map(k -> k.substring(0, k.lastIndexOf('|'))).distinct().count();
        List<String> problems = new ArrayList<>();
        if (predictedPlayers < expected) {
            problems.add("predictions for " + predictedPlayers + " of " + expected + " expected players");
        }
        if (newestLine != null && (newestUsed == null || newestLine.isAfter(newestUsed)) && newestLine.isAfter(
                lastPrediction == null ? Instant.EPOCH : lastPrediction)) {
            problems.add("lines moved at " + newestLine + ", after the predictions of " + lastPrediction);
        }
        // A date some input of which could not be seen as of its prediction time (a backfill without the archived
        // injury list): its predictions are shown, but none is a pick, and the document says why.
        java.util.Map<String, String> gaps = io.nbaprops.raw.PointInTimeGaps.of(ctx.warehouse(), d);
        gaps.forEach((source, why) -> problems.add("not pickable: " + source + " " + why));
        String status = problems.isEmpty() ? "fresh" : "incomplete";
        Map<String, Object> doc = Exports.envelope(SCHEMA, d, ctx.clock().instant(), lastPrediction, status,
                problems.isEmpty() ? null : String.join("; ", problems));
        doc.put("games", tips.size());
        doc.put("players", predictedPlayers);
        doc.put("picks", picks);
        doc.put("predictions", new ArrayList<>(byPlayerGame.values()));
        doc.put("schedule", schedule(tips));
        ctx.checkCancelled();
        PlayerCards.write(ctx, exports, d, rows, ctx.clock().instant(), lastPrediction, status, (String) doc.get("note"));
        exports.publish("picks/" + d + ".json", d, doc, picks.size(), ctx::checkCancelled);
        LocalDate newest = jdbi.withHandle(h -> h.createQuery("SELECT max(partition_date) FROM export_log WHERE path LIKE 'picks/2%'")
                .mapTo(LocalDate.class).findOne().orElse(d));
        if (!d.isBefore(newest)) {
            exports.publish("picks/latest.json", d, doc, picks.size(), ctx::checkCancelled);
        }
        SiteIndex.write(exports, ctx.clock().instant());
        return AssetResult.of(picks.size(), status + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
    }

    /** Every game of the date with its tip-off (the public site's game list), in tip-off order. */
    static List<Map<String, Object>> schedule(Map<String, Map<String, Object>> games) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> g : games.values()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("game_key", g.get("game_key"));
            s.put("tip_off", str(g.get("tip_off")));
            s.put("away_team", g.get("away_team"));
            s.put("home_team", g.get("home_team"));
            out.add(s); // no game status: it changes after the games, and the file must stay what the pre-game run wrote
        }
        return out;
    }

    private static Map<String, Object> playerGame(Map<String, Object> r, Map<String, Object> game) {
        Map<String, Object> pg = new LinkedHashMap<>();
        pg.put("game_key", r.get("game_key"));
        pg.put("tip_off", game == null ? null : str(game.get("tip_off")));
        pg.put("player_lookup", r.get("player_lookup"));
        pg.put("player_name", r.get("player_name"));
        pg.put("team", r.get("team"));
        pg.put("opponent", r.get("opponent"));
        pg.put("market", r.get("market"));
        Map<String, Object> line = null;
        if (r.get("line_value") != null) {
            line = new LinkedHashMap<>();
            line.put("book", r.get("line_book"));
            line.put("value", r.get("line_value"));
            line.put("over_price", r.get("over_price"));
            line.put("under_price", r.get("under_price"));
            line.put("snapshot_at", str(r.get("line_snapshot_at")));
        }
        pg.put("line", line);
        pg.put("systems", new ArrayList<Map<String, Object>>());
        return pg;
    }

    private static Map<String, Object> system(Map<String, Object> r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("system", r.get("system_id"));
        s.put("version", r.get("system_version"));
        s.put("model_version", r.get("model_version"));
        s.put("predicted", r.get("predicted"));
        s.put("p_over", r.get("p_over"));
        s.put("recommendation", r.get("recommendation"));
        s.put("confidence", r.get("confidence"));
        s.put("edge", r.get("edge"));
        s.put("expected_value", r.get("expected_value"));
        s.put("kelly_stake", r.get("kelly_stake"));
        s.put("reason", r.get("reason"));
        s.put("top_contributions", contributions((String) r.get("contributions")));
        return s;
    }

    private static Map<String, Double> contributions(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Double>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("prediction.contributions is not a JSON object: " + json, e);
        }
    }

    static String str(Object o) {
        Instant i = ts(o);
        return i == null ? null : i.toString();
    }

    static Instant ts(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC);
        }
        if (o instanceof Instant i) {
            return i;
        }
        return java.time.LocalDateTime.parse(o.toString().replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
    }

    static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NEGATIVE_INFINITY;
    }
}
