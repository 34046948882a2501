package io.nbaprops.raw;

import io.nbaprops.engine.AssetContext;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dates a "now" source could not be seen for as of their prediction time (table {@code point_in_time_gap}, see
 * {@link PredictionTime}): their features are degraded and their predictions not pickable, with the reason kept
 * here for the status, the dashboard and the exports.
 */
public final class PointInTimeGaps {
    private PointInTimeGaps() {}

    /** When the newest successful payload of the endpoint for the date fetched before {@code before} was fetched. */
    static Optional<Instant> archivedBefore(Warehouse w, String httpSource, String endpoint, LocalDate date, Instant before) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT max(fetched_at) FROM raw_payload WHERE source = ? AND endpoint = ? "
                        + "AND partition_date = ? AND fetched_at < ? AND http_status < 300")
                .bind(0, httpSource).bind(1, endpoint).bind(2, date).bind(3, before)
                .mapTo(Instant.class).findOne());
    }

    static void record(AssetContext ctx, LocalDate date, String source, String reason) {
        ctx.write(tx -> tx.upsert(RowBatch.of("point_in_time_gap", "game_date", "source", "reason", "recorded_at")
                .add(date, source, reason, ctx.clock().instant())));
    }

    static void clear(AssetContext ctx, LocalDate date, String source) {
        boolean any = ctx.warehouse().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM point_in_time_gap "
                + "WHERE game_date = ? AND source = ?").bind(0, date).bind(1, source).mapTo(Long.class).one()) > 0;
        if (any) {
            ctx.write(tx -> tx.handleFor("point_in_time_gap").createUpdate("DELETE FROM point_in_time_gap WHERE game_date = ? "
                    + "AND source = ?").bind(0, date).bind(1, source).execute());
        }
    }

    /** The date's gaps, source to reason (empty: everything was seen as of the prediction time). */
    public static Map<String, String> of(Warehouse w, LocalDate date) {
        Map<String, String> out = new LinkedHashMap<>();
        w.jdbi().useHandle(h -> h.createQuery("SELECT source, reason FROM point_in_time_gap WHERE game_date = ? ORDER BY source")
                .bind(0, date).map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }
}
