package io.nbaprops.publish;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.grade.GradeAsset;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Walking-skeleton export: a date's graded predictions as {@code results/<date>.json}. */
public final class ResultsExportAsset implements Asset {
    public static final String NAME = "export_results";
    private final ExportStore store;

    public ResultsExportAsset(ExportStore store) {
        this.store = store;
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
        return List.of(Dependency.same(GradeAsset.NAME));
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        List<Map<String, Object>> rows = ctx.warehouse().jdbi().withHandle(h -> h.createQuery("""
                        SELECT p.game_key, p.player_lookup, p.player_name, p.team, p.opponent, p.market, p.system_id,
                               p.predicted, g.actual, g.abs_error, g.result, g.void_reason
                        FROM prediction p JOIN prediction_grade g USING (game_key, player_lookup, market, system_id, line_key)
                        WHERE p.game_date = ? ORDER BY p.game_key, p.player_lookup, p.system_id""")
                .bind(0, ctx.partition()).mapToMap().list());
        Instant dataAsOf = ctx.warehouse().jdbi().withHandle(h -> h.createQuery(
                        "SELECT max(last_success_ended) FROM asset_partition WHERE asset = ? AND partition_date = ?")
                .bind(0, GradeAsset.NAME).bind(1, ctx.partition()).mapTo(Instant.class).findOne().orElse(null));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", "results/v1");
        doc.put("date", ctx.partition().toString());
        doc.put("generated_at", ctx.clock().instant().toString());
        doc.put("data_as_of", dataAsOf == null ? null : dataAsOf.toString());
        doc.put("predictions", rows);
        ctx.checkCancelled();
        store.write("results/" + ctx.partition() + ".json", doc);
        return AssetResult.of(rows.size(), "results/" + ctx.partition() + ".json");
    }
}
