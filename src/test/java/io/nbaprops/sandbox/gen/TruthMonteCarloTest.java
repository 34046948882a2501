package io.nbaprops.sandbox.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.sandbox.facts.LeagueFacts;
import io.nbaprops.sandbox.facts.ScheduleFact;
import org.junit.jupiter.api.Test;

/**
 * The truth really is the mean of what the game model draws: replaying games thousands of times
 * with fresh randomness, every player's average points, rebounds, assists, threes and minutes
 * land on the computed expectation within sampling error.
 */
class TruthMonteCarloTest {
    @Test
    void expectationsMatchRepeatedSimulation() {
        LeagueFacts facts = LeagueFacts.load();
        LeagueGenerator gen = new LeagueGenerator(facts, 5);
        gen.prepare();
        int runs = 3000;
        for (int game : new int[] {17, 640, 1100}) {
            ScheduleFact sf = facts.schedule().get(game);
            int home = gen.roster().team(sf.home()).index();
            int away = gen.roster().team(sf.away()).index();
            TeamGame h = gen.teamGame(home, away, game, true, null);
            TeamGame a = gen.teamGame(away, home, game, false, null);
            GameModel.Expectation e = GameModel.expect(h, a);
            TeamGame[] sides = {h, a};
            double[][][] sum = new double[2][][];
            double[][][] sq = new double[2][][];
            for (int s = 0; s < 2; s++) {
                sum[s] = new double[sides[s].size()][5];
                sq[s] = new double[sides[s].size()][5];
            }
            for (int run = 0; run < runs; run++) {
                GameModel.Played p = GameModel.simulate(h, a, Rng.of(123, game, run));
                for (int s = 0; s < 2; s++) {
                    for (int r = 0; r < sides[s].size(); r++) {
                        int[] st = p.stats()[s][r];
                        double[] v = {st[GameModel.Played.PTS], st[GameModel.Played.OREB] + st[GameModel.Played.DREB],
                                st[GameModel.Played.AST], st[GameModel.Played.FG3M], p.seconds()[s][r] / 60.0};
                        for (int k = 0; k < 5; k++) {
                            sum[s][r][k] += v[k];
                            sq[s][r][k] += v[k] * v[k];
                        }
                    }
                }
            }
            for (int s = 0; s < 2; s++) {
                for (int r = 0; r < sides[s].size(); r++) {
                    for (int k = 0; k < 5; k++) {
                        double mean = sum[s][r][k] / runs;
                        double sd = Math.sqrt(Math.max(0, sq[s][r][k] / runs - mean * mean));
                        double se = sd / Math.sqrt(runs);
                        assertThat(mean).as("game %d side %d player %d stat %d", game, s, r, k)
                                .isCloseTo(e.players()[s][r][k], org.assertj.core.data.Offset.offset(4.5 * se + 0.03));
                    }
                }
            }
        }
    }
}
