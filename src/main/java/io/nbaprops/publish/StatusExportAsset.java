package io.nbaprops.publish;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Phase;
import io.nbaprops.predict.PredictionAsset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code status.json}: the last picks and results published, what is halted (failed, timed out,
 * abandoned) or waiting, and what is stale. It depends on nothing so it runs even when the day's
 * predictions did not: then, if the date has games and {@code picks/latest.json} still holds an
 * earlier date's picks, that file is replaced by a "withheld" document saying why, so the website
 * never shows yesterday's picks as today's.
 */
public final class StatusExportAsset implements Asset {
    public static final String NAME = "export_status";
    private final Exports exports;

    public StatusExportAsset(Exports exports) {
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
    public AssetResult materialize(AssetContext ctx) {
        LocalDate d = ctx.partition();
        var jdbi = ctx.warehouse().jdbi();
        List<Map<String, Object>> halted = problems(ctx, d.minusDays(3), d, "('FAILED', 'TIMED_OUT', 'ABANDONED')");
        List<Map<String, Object>> waiting = problems(ctx, d.minusDays(1), d, "('WAITING')");
        long games = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM game WHERE game_date = ? AND status <> 'postponed'")
                .bind(0, d).mapTo(Long.class).one());
        String predictionState = jdbi.withHandle(h -> h.createQuery("SELECT state || coalesce(': ' || reason, '') FROM asset_partition "
                + "WHERE asset = ? AND partition_date = ?").bind(0, PredictionAsset.NAME).bind(1, d).mapTo(String.class).findOne()
                .orElse("not run"));
        Map<String, Object> latestPicks = export(ctx, "path = 'picks/latest.json'");
        List<String> stale = new ArrayList<>();
        String withheld = null;
        LocalDate picksDate = latestPicks == null ? null : LocalDate.parse((String) latestPicks.get("date"));
        if (games > 0 && (picksDate == null || picksDate.isBefore(d))) {
            stale.add("no picks for " + d + " yet (" + games + " games; predictions " + predictionState + ")");
            if (!predictionState.startsWith("SUCCESS") && !predictionState.equals("not run") && picksDate != null) {
                withheld = "predictions for " + d + " are " + predictionState + "; the picks of " + picksDate + " are withdrawn";
            }
        }
        if (latestPicks != null && !"fresh".equals(latestPicks.get("status")) && withheld == null) {
            stale.add("latest picks are " + latestPicks.get("status") + ": " + latestPicks.get("note"));
        }
        if (withheld != null) {
            Map<String, Object> doc = Exports.envelope(PicksExportAsset.SCHEMA, d, ctx.clock().instant(), null, "withheld", withheld);
            doc.put("games", (int) games);
            doc.put("players", 0);
            doc.put("picks", List.of());
            doc.put("predictions", List.of());
            Map<String, Map<String, Object>> schedule = new LinkedHashMap<>();
            jdbi.useHandle(h -> h.createQuery("SELECT game_key, tip_off, home_team, away_team, status FROM game WHERE game_date = ? "
                    + "ORDER BY tip_off, game_key").bind(0, d).mapToMap().forEach(r -> schedule.put((String) r.get("game_key"), r)));
            doc.put("schedule", PicksExportAsset.schedule(schedule)); // the day's games, even without picks
            exports.publish("picks/latest.json", d, doc, 0, ctx::checkCancelled);
            latestPicks = export(ctx, "path = 'picks/latest.json'");
        }
        Map<String, Object> doc = Exports.envelope("status/v1", d, ctx.clock().instant(), ctx.clock().instant(),
                halted.isEmpty() && stale.isEmpty() ? "fresh" : "stale", withheld);
        doc.put("today", d.toString());
        doc.put("latest_picks", latestPicks);
        doc.put("latest_results", export(ctx, "path LIKE 'results/%'"));
        doc.put("halted", halted);
        doc.put("waiting", waiting);
        doc.put("stale", stale);
        // Dates of the last week some "now" source could not be seen for as of their prediction time (not pickable).
        doc.put("not_pickable", jdbi.withHandle(h -> h.createQuery("SELECT CAST(game_date AS VARCHAR) AS date, source, reason "
                + "FROM point_in_time_gap WHERE game_date BETWEEN ? AND ? ORDER BY game_date, source")
                .bind(0, d.minusDays(7)).bind(1, d).mapToMap().list()));
        exports.store().write("status.json", doc);
        return AssetResult.of(0, halted.size() + " halted, " + waiting.size() + " waiting, " + stale.size() + " stale"
                + (withheld == null ? "" : "; " + withheld));
    }

    private static List<Map<String, Object>> problems(AssetContext ctx, LocalDate from, LocalDate to, String states) {
        return ctx.warehouse().jdbi().withHandle(h -> h.createQuery("SELECT asset, CAST(partition_date AS VARCHAR) AS date, state, reason, "
                        + "CAST(updated_at AS VARCHAR) AS since FROM asset_partition WHERE partition_date BETWEEN ? AND ? AND state IN "
                        + states + " ORDER BY partition_date, asset")
                .bind(0, from).bind(1, to).mapToMap().list());
    }

    private static Map<String, Object> export(AssetContext ctx, String where) {
        return ctx.warehouse().jdbi().withHandle(h -> h.createQuery("SELECT path, CAST(partition_date AS VARCHAR) AS date, "
                        + "generated_at, status, note, items FROM export_log WHERE " + where + " ORDER BY partition_date DESC, generated_at DESC LIMIT 1")
                .map((rs, c) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("path", rs.getString("path"));
                    m.put("date", rs.getString("date"));
                    m.put("generated_at", c.findColumnMapperFor(java.time.Instant.class).orElseThrow().map(rs, "generated_at", c).toString());
                    m.put("status", rs.getString("status"));
                    m.put("note", rs.getString("note"));
                    m.put("items", rs.getInt("items"));
                    return m;
                }).findOne().orElse(null));
    }
}
