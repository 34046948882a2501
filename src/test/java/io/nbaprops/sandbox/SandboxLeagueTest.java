package io.nbaprops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.sandbox.report.SandboxReport;
import io.nbaprops.sandbox.report.SeasonFigures;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated season: internal consistency of every game, ground truth, lines, and the realism targets. */
class SandboxLeagueTest {
    private static SandboxLeague league;
    private static SeasonFigures figures;

    @BeforeAll
    static void generate() {
        long t0 = System.nanoTime();
        league = TestLeagues.get(2024);
        System.out.printf("generated the sandbox season in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        figures = SandboxReport.compute(league);
    }

    @Test
    void seasonIsTheRealScheduleWithCanonicalKeys() {
        assertThat(league.games()).hasSize(1230);
        LeagueGame opener = league.game(0);
        assertThat(opener.gameKey()).isEqualTo("20241022_NYK_BOS");
        assertThat(opener.gameId()).isEqualTo("0022400061");
        assertThat(league.games().stream().map(LeagueGame::gameKey).distinct()).hasSize(1230);
        for (LeagueTeam t : league.teams()) {
            assertThat(league.games().stream().filter(g -> g.home().equals(t.tricode()) || g.away().equals(t.tricode())))
                    .as(t.tricode()).hasSize(82);
        }
    }

    @Test
    void everyBoxScoreIsInternallyConsistent() {
        for (LeagueGame g : league.games()) {
            BoxScore box = league.boxScore(g.index());
            assertThat(box.homePoints()).as("%s home points", g.gameKey()).isEqualTo(g.homeScore());
            assertThat(box.awayPoints()).as("%s away points", g.gameKey()).isEqualTo(g.awayScore());
            assertThat(g.homeScore()).as("%s no tie", g.gameKey()).isNotEqualTo(g.awayScore());
            assertThat(g.periods()).isBetween(4, 8);
            int teamSeconds = (240 + 25 * (g.periods() - 4)) * 60;
            Set<Integer> seen = new HashSet<>();
            for (List<BoxLine> side : List.of(box.home(), box.away())) {
                assertThat(side.stream().mapToInt(BoxLine::seconds).sum()).as("%s minutes", g.gameKey()).isEqualTo(teamSeconds);
                assertThat(side.stream().filter(BoxLine::starter).count()).as("%s starters", g.gameKey()).isEqualTo(5);
                int fgm = 0;
                int ast = 0;
                for (BoxLine l : side) {
                    assertThat(seen.add(l.playerIndex())).as("player listed once").isTrue();
                    assertThat(l.pts()).as("%s points formula", g.gameKey())
                            .isEqualTo(2 * (l.fgm() - l.fg3m()) + 3 * l.fg3m() + l.ftm());
                    assertThat(l.fgm()).isBetween(0, l.fga());
                    assertThat(l.fg3m()).isBetween(0, l.fg3a());
                    assertThat(l.fg3m()).isLessThanOrEqualTo(l.fgm());
                    assertThat(l.fg3a()).isLessThanOrEqualTo(l.fga());
                    assertThat(l.ftm()).isBetween(0, l.fta());
                    assertThat(l.reb()).isEqualTo(l.oreb() + l.dreb());
                    assertThat(l.pf()).isBetween(0, 6);
                    assertThat(l.played()).isEqualTo(l.seconds() > 0);
                    if (!l.played()) {
                        assertThat(l.dnpReason()).isNotBlank();
                        assertThat(l.fga() + l.fta() + l.reb() + l.ast() + l.stl() + l.blk() + l.tov() + l.pf() + l.pts()).isZero();
                    }
                    fgm += l.fgm();
                    ast += l.ast();
                }
                assertThat(ast).as("%s assists <= made shots", g.gameKey()).isLessThanOrEqualTo(fgm);
                assertThat(side.stream().mapToInt(BoxLine::plusMinus).sum()).isEqualTo(
                        5 * (side == box.home() ? g.homeScore() - g.awayScore() : g.awayScore() - g.homeScore()));
            }
            assertThat(g.endsAt()).isAfter(g.tipoff().plusSeconds(2 * 3600));
        }
    }

    @Test
    void truthCoversEveryRosteredPlayerAndIsZeroForThoseRuledOut() {
        for (LeagueGame g : league.games()) {
            List<PlayerGameTruth> truth = league.truth(g.index());
            BoxScore box = league.boxScore(g.index());
            assertThat(truth).hasSize(box.home().size() + box.away().size());
            assertThat(truth.stream().map(PlayerGameTruth::playerLookup).distinct()).hasSize(truth.size());
            double minutes = 0;
            for (PlayerGameTruth t : truth) {
                assertThat(t.gameKey()).isEqualTo(g.gameKey());
                if (!t.active()) {
                    assertThat(t.expPts() + t.expMinutes() + t.expReb()).isZero();
                    assertThat(t.played()).isFalse();
                }
                minutes += t.expMinutes();
            }
            // Expected minutes add up to two teams' regulation plus the expected overtime.
            assertThat(minutes).isBetween(480.0, 480.0 + 50 * 0.3);
        }
    }

    @Test
    void truthIsTheMeanOfWhatWasDrawn() {
        double residual = 0;
        double minutesResidual = 0;
        int n = 0;
        for (LeagueGame g : league.games()) {
            Map<Integer, BoxLine> lines = lines(g);
            for (PlayerGameTruth t : league.truth(g.index())) {
                if (t.active()) {
                    residual += lines.get(t.playerIndex()).pts() - t.expPts();
                    minutesResidual += lines.get(t.playerIndex()).minutes() - t.expMinutes();
                    n++;
                }
            }
        }
        // ~30k player-games with points sd ~5: the mean residual's standard error is ~0.03.
        assertThat(residual / n).isBetween(-0.1, 0.1);
        assertThat(minutesResidual / n).isBetween(-0.05, 0.05);
    }

    @Test
    void propLinesArePostedBeforeTipOffAndMoveOverTheDay() {
        int moved = 0;
        int series = 0;
        Set<String> books = new HashSet<>();
        for (LeagueGame g : league.games()) {
            for (PropLine pl : league.propLines(g.index())) {
                series++;
                books.add(pl.book().key());
                assertThat(pl.snapshots()).isNotEmpty();
                for (int i = 0; i < pl.snapshots().size(); i++) {
                    PropSnapshot s = pl.snapshots().get(i);
                    assertThat(s.at()).as("%s snapshot before tip-off", g.gameKey()).isBefore(g.tipoff());
                    if (i > 0) {
                        assertThat(s.at()).isAfter(pl.snapshots().get(i - 1).at());
                    }
                    assertThat(s.line()).isPositive();
                    assertThat(Math.abs(s.overPrice())).isGreaterThanOrEqualTo(100);
                    assertThat(Math.abs(s.underPrice())).isGreaterThanOrEqualTo(100);
                }
                assertThat(pl.at(g.tipoff(), g.tipoff())).as("nothing at tip-off").isNull();
                if (pl.snapshots().stream().map(PropSnapshot::line).distinct().count() > 1) {
                    moved++;
                }
            }
            for (GameLine gl : league.gameLines(g.index())) {
                assertThat(gl.snapshots()).allSatisfy(s -> assertThat(s.at()).isBefore(g.tipoff()));
                assertThat(gl.closing().homeSpread() % 1).isIn(0.5, -0.5);
            }
        }
        assertThat(books).hasSizeBetween(3, 5);
        assertThat(series).isGreaterThan(1230 * 100);
        assertThat((double) moved / series).as("share of lines that move").isBetween(0.03, 0.8);
    }

    @Test
    void leadersWithRealScoringAreWithinTenPercent() {
        List<SeasonFigures.PlayerRow> real = figures.scorers().stream().filter(r -> !Double.isNaN(r.real())).toList();
        assertThat(real).extracting(SeasonFigures.PlayerRow::name).contains("Stephen Curry", "Kevin Durant", "LeBron James");
        for (SeasonFigures.PlayerRow r : real) {
            assertThat(r.generated()).as(r.name()).isCloseTo(r.real(), org.assertj.core.data.Percentage.withPercentage(10));
        }
        assertThat(figures.rebWithin10Share()).as("real rebounders within 10%").isGreaterThan(0.7);
    }

    @Test
    void teamScoringHomeAdvantageAndMinutesAreRealistic() {
        assertThat(figures.teamPpgMin()).isGreaterThanOrEqualTo(105);
        assertThat(figures.teamPpgMax()).isLessThanOrEqualTo(125);
        assertThat(figures.homeWinRate()).isBetween(0.53, 0.60);
        assertThat(figures.starterMinutes()[1]).as("median starter minutes").isBetween(26.0, 36.0);
        assertThat(figures.benchMinutes()[1]).as("median bench minutes").isBetween(8.0, 24.0);
        assertThat(figures.deepBenchDnpShare()).isGreaterThan(0.3);
        assertThat(figures.overtimeGames()).isBetween(10, 120);
    }

    @Test
    void booksAreGoodButTheOracleIsBetter() {
        for (SeasonFigures.BookRow b : figures.books()) {
            assertThat(b.mae()).as(b.book()).isBetween(4.3, 5.3);
            assertThat(figures.oracleMae()).as("oracle vs " + b.book()).isLessThan(b.mae());
        }
        assertThat(figures.oracleMae()).isBetween(4.0, 4.6);
    }

    @Test
    void aStarsAbsenceRaisesTeammatesExpectedPoints() {
        // Over the season, a team's active players expect more points on nights a starter is out.
        double withStar = 0;
        double withoutStar = 0;
        int nWith = 0;
        int nWithout = 0;
        for (LeagueGame g : league.games()) {
            Map<String, Boolean> starterOut = new HashMap<>();
            for (PlayerGameTruth t : league.truth(g.index())) {
                if (!t.active() && league.player(t.playerIndex()).role() == Role.STARTER
                        && league.player(t.playerIndex()).baseMinutes() > 30) {
                    starterOut.put(t.team(), true);
                }
            }
            for (PlayerGameTruth t : league.truth(g.index())) {
                LeaguePlayer p = league.player(t.playerIndex());
                if (t.active() && p.role() == Role.ROTATION) {
                    if (starterOut.getOrDefault(t.team(), false)) {
                        withoutStar += t.expPts();
                        nWithout++;
                    } else {
                        withStar += t.expPts();
                        nWith++;
                    }
                }
            }
        }
        assertThat(withoutStar / nWithout).isGreaterThan(withStar / nWith * 1.05);
    }

    @Test
    void injuryReportsPrecedeTheGamesTheyConcern() {
        assertThat(league.injuryReports()).isNotEmpty();
        for (InjuryReport r : league.injuryReports()) {
            LeagueGame g = league.gameByKey(r.gameKey()).orElseThrow();
            assertThat(r.reportedAt()).isBefore(g.tipoff());
        }
        LeagueGame mid = league.gamesOn(java.time.LocalDate.of(2025, 1, 15)).get(0);
        assertThat(league.injuryListAsOf(mid.tipoff())).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isNotEqualTo(InjuryStatus.AVAILABLE));
    }

    @Test
    void sameSeedSameSeasonDifferentSeedDifferentSeason() {
        SandboxLeague again = TestLeagues.twin(2024);
        SandboxLeague other = TestLeagues.get(7);
        assertThat(again.games()).isEqualTo(league.games());
        assertThat(again.boxScore(600)).isEqualTo(league.boxScore(600));
        assertThat(again.truth(600)).isEqualTo(league.truth(600));
        assertThat(again.propLines(600)).isEqualTo(league.propLines(600));
        assertThat(other.games().stream().map(LeagueGame::homeScore).toList())
                .isNotEqualTo(league.games().stream().map(LeagueGame::homeScore).toList());
    }

    /**
     * PRA's lines draw from their own random streams: the season, the game lines and the other four markets' lines are
     * bit for bit what they were before the books priced PRA (digests pinned on the code before issue 16's PRA lines).
     */
    @Test
    void pricingPraLeftEverythingElseAsItWas() throws Exception {
        java.security.MessageDigest props = java.security.MessageDigest.getInstance("SHA-256");
        java.security.MessageDigest rest = java.security.MessageDigest.getInstance("SHA-256");
        for (LeagueGame g : league.games()) {
            rest.update((g + "|" + league.boxScore(g.index()) + "|" + league.truth(g.index()) + "|" + league.gameLines(g.index()))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (PropLine pl : league.propLines(g.index())) {
                if (!pl.market().key().equals("player_points_rebounds_assists")) {
                    props.update(pl.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(java.util.HexFormat.of().formatHex(props.digest())).as("points, rebounds, assists, threes lines").isEqualTo("0f4aa068506f0e0040c4898d5248dc9fb28efe739bf5f8432000971c9aedff10");
        assertThat(java.util.HexFormat.of().formatHex(rest.digest())).as("games, box scores, truth, game lines").isEqualTo("459de1310845e83648b0ac36341981e4d8e5f2469f7946766342c1e60b49736a");
    }

    private static Map<Integer, BoxLine> lines(LeagueGame g) {
        Map<Integer, BoxLine> out = new HashMap<>();
        BoxScore b = league.boxScore(g.index());
        b.home().forEach(l -> out.put(l.playerIndex(), l));
        b.away().forEach(l -> out.put(l.playerIndex(), l));
        return out;
    }
}
