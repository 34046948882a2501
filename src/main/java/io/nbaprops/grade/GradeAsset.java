package io.nbaprops.grade;

import io.nbaprops.analytics.PlayerGameSummaryAsset;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.RangeAsset;
import java.time.LocalDate;
import java.util.Map;
import io.nbaprops.predict.Market;
import io.nbaprops.predict.PredictionAsset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Grades every prediction of a date once its box scores are complete: the actual stat, absolute and
 * signed error, WIN/LOSS/PUSH for picks at the exact line they were made against, profit in units at
 * the price taken, closing-line value against the same book's last line before tip-off, and VOID
 * (with the reason) for players who did not play or games that were postponed. Re-grading replaces
 * the date's grades with identical rows.
 */
public final class GradeAsset implements RangeAsset {
    public static final String NAME = "prediction_grade";
    static final List<String> COLUMNS = List.of("game_key", "player_lookup", "market", "system_id", "line_key", "game_date",
            "predicted", "actual", "abs_error", "signed_error", "line_value", "recommendation", "p_over_raw", "confidence", "result",
            "went_over", "price", "profit_units", "closing_line", "closing_price", "clv", "void_reason", "graded_at", "single_result",
            "single_profit_units");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Phase phase() {
        return Phase.GRADE;
    }

    @Override
    public List<Dependency> upstream() {
        return List.of(Dependency.same(PredictionAsset.NAME), Dependency.same(PlayerGameSummaryAsset.NAME));
    }

    static String sql() {
        String stat = "CASE p.market " + Arrays.stream(Market.values())
                .map(m -> "WHEN '" + m.key() + "' THEN " + m.statSql("s")).collect(Collectors.joining(" ")) + " END";
        String bookMarket = "CASE p.market " + Arrays.stream(Market.values())
                .map(m -> "WHEN '" + m.key() + "' THEN '" + m.bookKey() + "'").collect(Collectors.joining(" ")) + " END";
        return """
                WITH closing AS (
                    SELECT game_key, player_lookup, market, book, line, over_price_american, under_price_american,
                           row_number() OVER (PARTITION BY game_key, player_lookup, market, book ORDER BY snapshot_at DESC) AS rn
                    FROM prop_line
                    WHERE game_date BETWEEN ? AND ? AND NOT in_game AND NOT flagged AND line IS NOT NULL
                      AND (tip_off IS NULL OR snapshot_at < tip_off)),
                g AS (
                    SELECT p.*, gm.status AS game_status, s.played, s.dnp_reason, CAST(%s AS DOUBLE PRECISION) AS stat,
                           s.player_lookup AS in_box,
                           CASE p.recommendation WHEN 'OVER' THEN p.over_price WHEN 'UNDER' THEN p.under_price END AS taken_price,
                           c.line AS close_line,
                           CASE p.recommendation WHEN 'OVER' THEN c.over_price_american WHEN 'UNDER' THEN c.under_price_american END
                               AS close_price
                    FROM prediction p
                    LEFT JOIN game gm ON gm.game_key = p.game_key
                    LEFT JOIN player_game_summary s ON s.game_key = p.game_key AND s.player_lookup = p.player_lookup
                    LEFT JOIN closing c ON c.rn = 1 AND c.game_key = p.game_key AND c.player_lookup = p.player_lookup
                         AND c.book = p.line_book AND c.market = %s
                    WHERE p.game_date BETWEEN ? AND ?),
                r AS (
                    SELECT g.*,
                           CASE WHEN g.game_status = 'postponed' THEN 'game postponed'
                                WHEN g.in_box IS NULL THEN 'not in the box score (inactive or not with the team)'
                                WHEN NOT g.played THEN 'did not play: ' || coalesce(g.dnp_reason, 'DNP')
                                WHEN g.stat IS NULL THEN 'no ' || g.market || ' in the box score' END AS void_why
                    FROM g)
                SELECT game_key, player_lookup, market, system_id, line_key, game_date, predicted,
                       CASE WHEN void_why IS NULL THEN stat END,
                       CASE WHEN void_why IS NULL THEN abs(predicted - stat) END,
                       CASE WHEN void_why IS NULL THEN predicted - stat END,
                       line_value, recommendation, p_over_raw, confidence,
                       CASE WHEN void_why IS NOT NULL THEN 'VOID'
                            WHEN recommendation = 'PASS' OR line_value IS NULL THEN 'NO_PICK'
                            WHEN stat = line_value THEN 'PUSH'
                            WHEN (recommendation = 'OVER') = (stat > line_value) THEN 'WIN'
                            ELSE 'LOSS' END,
                       CASE WHEN void_why IS NULL AND line_value IS NOT NULL AND stat <> line_value THEN stat > line_value END,
                       taken_price,
                       CASE WHEN void_why IS NOT NULL OR recommendation = 'PASS' OR line_value IS NULL THEN NULL
                            WHEN stat = line_value THEN 0.0
                            WHEN (recommendation = 'OVER') = (stat > line_value) THEN
                                CASE WHEN taken_price > 0 THEN taken_price / 100.0 ELSE 100.0 / (-taken_price) END
                            ELSE -1.0 END,
                       close_line, close_price,
                       CASE WHEN recommendation = 'OVER' THEN close_line - line_value
                            WHEN recommendation = 'UNDER' THEN line_value - close_line END,
                       void_why, ?,
                       -- The one-book bettor's pick at the same time (the first book of the priority list), graded alike.
                       CASE WHEN void_why IS NOT NULL THEN 'VOID'
                            WHEN single_recommendation IS NULL OR single_recommendation = 'PASS' OR single_line IS NULL THEN 'NO_PICK'
                            WHEN stat = single_line THEN 'PUSH'
                            WHEN (single_recommendation = 'OVER') = (stat > single_line) THEN 'WIN'
                            ELSE 'LOSS' END,
                       CASE WHEN void_why IS NOT NULL OR single_recommendation IS NULL OR single_recommendation = 'PASS'
                                 OR single_line IS NULL OR single_price IS NULL THEN NULL
                            WHEN stat = single_line THEN 0.0
                            WHEN (single_recommendation = 'OVER') = (stat > single_line) THEN
                                CASE WHEN single_price > 0 THEN single_price / 100.0 ELSE 100.0 / (-single_price) END
                            ELSE -1.0 END
                FROM r
                """.formatted(stat, bookMarket);
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        var d = ctx.partition();
        long n = ctx.write(tx -> tx.replacePartitionFromQuery(NAME, COLUMNS, sql(), List.of(d, d, d, d, ctx.clock().instant()),
                "game_date", d));
        return AssetResult.rows(n);
    }

    /** A season's grading in one statement (a backfill): the same rows as grading each date. */
    @Override
    public Map<LocalDate, Long> materializeRange(AssetContext ctx, List<LocalDate> dates) {
        return RangeAsset.wholeRange(ctx, dates, (tx, from, to) -> tx.replaceRangeFromQuery(NAME, COLUMNS, sql(),
                List.of(from, to, from, to, ctx.clock().instant()), "game_date", from, to), NAME);
    }
}
