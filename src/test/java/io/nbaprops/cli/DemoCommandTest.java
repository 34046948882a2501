package io.nbaprops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.grade.PerformanceAsset;
import io.nbaprops.sandbox.LeagueGame;
import io.nbaprops.sandbox.SandboxLeague;
import io.nbaprops.sandbox.TestLeagues;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, shortened: the demo runs the sandbox league, then status and query work on what it left. */
class DemoCommandTest {
    @Test
    void demoThenStatusThenQuery(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("c.yaml");
        Files.writeString(config, "warehouse:\n  url: jdbc:duckdb:" + dir.resolve("w.duckdb") + "\narchive_dir: " + dir.resolve("raw")
                + "\nexports_dir: " + dir.resolve("exports") + "\n");
        String demo = run("demo", "--days", "3", "--config", config.toString());
        assertThat(demo).doesNotContain("FAILED");
        // The summary's counts are what the warehouse holds: the league's games of its first three dates, every prediction,
        // every run (all successful).
        SandboxLeague league = TestLeagues.get(2024);
        List<LocalDate> dates = league.games().stream().map(LeagueGame::date).distinct().sorted().limit(3).toList();
        long games = dates.stream().mapToLong(d -> league.gamesOn(d).size()).sum();
        long predictions = count(config, "select count(*) from prediction");
        long runs = count(config, "select count(*) from run_history");
        assertThat(predictions).isPositive();
        assertThat(demo).contains("3 game days, " + games + " games, " + predictions + " predictions stored")
                .contains(runs + " runs: {SUCCESS=" + runs + "}");
        // The evaluation table: one line per system graded, each with its number of graded player-games.
        List<String> systems = strings(config, "select DISTINCT system_id from prediction_grade where actual is not null order by 1");
        assertThat(systems).isNotEmpty();
        for (String system : systems) {
            String latest = PerformanceAsset.LATEST_GRADES.replaceFirst("\\?", "DATE '" + dates.get(0) + "'")
                    .replaceFirst("\\?", "DATE '" + dates.get(2) + "'");
            long graded = count(config, "select count(*) from (" + latest + ") g where g.system_id = '" + system + "' and g.market = 'points' and g.actual is not null");
            assertThat(demo).containsPattern("(?m)^" + system + " +points +" + graded + " ");
        }
        // Closing lines: every game's lines were collected again in the quarter hour before its tip-off, after the day's
        // predictions; a graded prediction keeps its own line and is compared with the book's last pre-game line.
        assertThat(count(config, "select count(*) from game g where g.game_date <= DATE '" + dates.get(2) + "' and not exists ("
                + "select 1 from prop_line p where p.game_key = g.game_key and p.snapshot_at >= g.tip_off - interval 15 minute "
                + "and p.snapshot_at < g.tip_off)")).isZero();
        long withLine = count(config, "select count(*) from prediction_grade where line_value is not null and actual is not null");
        assertThat(withLine).isPositive();
        assertThat(count(config, "select count(*) from prediction_grade where line_value is not null and actual is not null "
                + "and closing_line is not null")).isEqualTo(withLine);
        assertThat(count(config, "select count(*) from prediction_grade g join prediction p using (game_key, player_lookup, market, "
                + "system_id, line_key) where g.line_value <> p.line_value")).isZero();
        assertThat(count(config, "select count(*) from prediction_grade where line_value is not null and actual is not null "
                + "and closing_line <> line_value")).isPositive();
        // No negative prediction, no stake above the 2% cap.
        assertThat(count(config, "select count(*) from prediction where predicted < 0 or kelly_stake > 0.02")).isZero();
        String status = run("status", "--config", config.toString());
        assertThat(status).contains("prediction").contains("10-22").contains("ok");
        assertThat(Files.exists(dir.resolve("exports/picks/" + dates.get(2) + ".json"))).isTrue();
        assertThat(Files.exists(dir.resolve("exports/status.json"))).isTrue();
    }

    private static long count(Path config, String sql) {
        return Long.parseLong(strings(config, sql).get(0));
    }

    /** The first column of a query's rows, through the CLI's CSV output. */
    private static List<String> strings(Path config, String sql) {
        String csv = run("query", "--config", config.toString(), "--csv", sql);
        return csv.lines().skip(1).toList();
    }

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            assertThat(code).as(String.join(" ", args) + "\n" + out).isZero();
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(old);
        }
    }
}
