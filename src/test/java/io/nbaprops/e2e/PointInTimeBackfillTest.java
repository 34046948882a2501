package io.nbaprops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.app.SandboxRun;
import io.nbaprops.testing.SandboxSeason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill of past dates into an empty warehouse (no archive): balldontlie's injury list is a "now" endpoint, so it
 * is never fetched for a past date (today's list would be stamped with it). The dates are marked: features degraded,
 * predictions made but not pickable, with the reason in the picks export and the status. Lines are the historical
 * snapshots at each date's prediction time, as live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointInTimeBackfillTest {
    static final int DAYS = 3;

    @TempDir
    static Path dir;
    SandboxRun run;
    List<LocalDate> dates;

    @BeforeAll
    void backfill() {
        run = SandboxSeason.start(dir);
        dates = run.gameDates().subList(0, DAYS);
        run.at(SandboxRun.morningAfter(run.gameDates().get(DAYS + 5)));
        Set<String> all = new LinkedHashSet<>(run.platform().pipeline().pregame());
        all.addAll(run.platform().pipeline().postgame());
        SandboxSeason.check(run.platform().engine().backfill(dates.get(0), dates.get(DAYS - 1), all, "test", false, null));
    }

    @AfterAll
    void close() {
        if (run != null) {
            run.close();
        }
    }

    List<Map<String, Object>> rows(String sql, Object... args) {
        return run.platform().warehouse().jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapToMap().list();
        });
    }

    long count(String sql, Object... args) {
        return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
    }

    @Test
    void theInjuryListIsNeverFetchedForAPastDateAndTheGapIsRecorded() {
        assertThat(count("SELECT count(*) FROM raw_payload WHERE endpoint = 'player_injuries'")).isZero();
        List<Map<String, Object>> gaps = rows("SELECT game_date, source, reason FROM point_in_time_gap ORDER BY game_date");
        assertThat(gaps).extracting(g -> g.get("game_date")).containsExactlyElementsOf(dates);
        assertThat(gaps).allSatisfy(g -> assertThat((String) g.get("reason")).startsWith("no bdl_injuries snapshot archived before"));
        // The collect run says why it fetched nothing.
        assertThat(rows("SELECT reason FROM asset_partition WHERE asset = 'collect_bdl_injuries' AND partition_date = ?", dates.get(0)))
                .isNotEmpty();
    }

    @Test
    void featuresAreDegradedAndNoPredictionIsPicked() {
        // The opening night has no history (no roster, no vectors); the later dates do.
        assertThat(count("SELECT count(*) FROM prediction WHERE game_date = ?", dates.get(DAYS - 1))).isPositive();
        // (A team's players have vectors from its second game on.)
        assertThat(count("SELECT count(*) FROM feature_store WHERE game_date = ?", dates.get(DAYS - 1))).isPositive();
        for (LocalDate d : dates) {
            assertThat(count("SELECT count(*) FROM feature_store WHERE game_date = ? AND degraded IS NULL", d)).isZero();
            assertThat(count("SELECT count(*) FROM prediction WHERE game_date = ? AND (recommendation <> 'PASS' "
                    + "OR reason NOT LIKE 'not pickable: bdl_injuries%')", d)).isZero();
        }
    }

    @Test
    void theExportsSayWhy() throws Exception {
        Path exports = run.platform().config().exportsDir();
        JsonNode picks = new ObjectMapper().readTree(Files.readAllBytes(exports.resolve("picks/" + dates.get(DAYS - 1) + ".json")));
        assertThat(picks.get("picks")).isEmpty();
        assertThat(picks.get("status").asText()).isEqualTo("incomplete");
        assertThat(picks.get("note").asText()).contains("not pickable: bdl_injuries");
        JsonNode status = new ObjectMapper().readTree(Files.readAllBytes(exports.resolve("status.json")));
        assertThat(status.get("not_pickable")).isNotEmpty();
        assertThat(status.get("not_pickable").get(0).get("source").asText()).isEqualTo("bdl_injuries");
    }

    @Test
    void linesAreTheHistoricalSnapshotsAtEachDatesPredictionTime() {
        for (LocalDate d : dates) {
            List<Map<String, Object>> snaps = rows("SELECT DISTINCT snapshot_at FROM prop_line WHERE game_date = ?", d);
            assertThat(snaps).hasSize(1);
            assertThat(count("SELECT count(*) FROM prop_line WHERE game_date = ? AND snapshot_at = ?", d, run.predictionAt(d)))
                    .isPositive();
        }
    }
}
