package io.nbaprops.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nbaprops.features.FeatureCatalog;
import io.nbaprops.predict.systems.EnsembleSystem;
import io.nbaprops.predict.systems.EnsembleWeights;
import io.nbaprops.predict.systems.MovingAverageSystem;
import io.nbaprops.predict.systems.SimilarGamesSystem;
import io.nbaprops.predict.systems.ZoneMatchupSystem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each system on hand-built inputs whose answer is known. */
class SystemsTest {
    static final LocalDate D = LocalDate.of(2025, 1, 15);

    static double[] vector(Map<String, Double> values) {
        double[] v = new double[FeatureCatalog.size()];
        Arrays.fill(v, Double.NaN);
        values.forEach((k, x) -> v[FeatureCatalog.indexOf(k)] = x);
        return v;
    }

    static PlayerGame game(Map<String, Double> values) {
        return new PlayerGame("20250115_BOS_PHI", "joelembiid", "Joel Embiid", "PHI", "BOS", D, null, 0, 1.0, vector(values));
    }

    static BatchContext context(double[] means, Map<String, List<HistoryGame>> history, Map<String, Double> weights) {
        double[] sd = new double[FeatureCatalog.size()];
        Arrays.fill(sd, 1.0);
        return new BatchContext(D, Market.POINTS, history, means, sd, weights, null);
    }

    @Test
    void movingAverageBlendsWhatItHas() {
        var ma = new MovingAverageSystem();
        double[] means = new double[FeatureCatalog.size()];
        assertThat(ma.predict(game(Map.of("pts_ewm", 30.0, "pts_avg_l10", 20.0, "pts_avg_season", 10.0)), context(means, Map.of(), Map.of()))
                .value()).isCloseTo(0.4 * 30 + 0.3 * 20 + 0.3 * 10, within(1e-9));
        assertThat(ma.predict(game(Map.of("pts_avg_season", 12.0)), context(means, Map.of(), Map.of())).value()).isEqualTo(12.0);
        assertThat(ma.predict(game(Map.of()), context(means, Map.of(), Map.of())).abstained()).isTrue();
    }

    @Test
    void zoneMatchupIsMinutesTimesRateAdjustedByRatiosToTheLeague() {
        var zone = new ZoneMatchupSystem();
        double[] means = new double[FeatureCatalog.size()];
        means[FeatureCatalog.indexOf("opp_def_rating_l10")] = 112.0;
        Map<String, Double> neutral = Map.of("min_avg_l5", 34.0, "min_avg_l10", 34.0, "pts_per_min_l10", 0.8,
                "team_pace_l10", 100.0, "opp_pace_l10", 100.0, "opp_def_rating_l10", 112.0, "zone_mismatch", 0.0,
                "teammates_out_usage", 0.0, "back_to_back", 0.0, "is_home", 1.0);
        double base = zone.predict(game(neutral), context(means, Map.of(), Map.of())).value();
        assertThat(base).isCloseTo(34 * 0.8 * 1.01, within(1e-9));
        var soft = new java.util.HashMap<>(neutral);
        soft.put("opp_def_rating_l10", 123.2);   // a defence 10% worse than the league
        soft.put("opp_pace_l10", 110.0);         // and 10% faster: the game runs at 105
        assertThat(zone.predict(game(soft), context(means, Map.of(), Map.of())).value()).isCloseTo(base * 1.1 * 1.05, within(1e-9));
        var tired = new java.util.HashMap<>(neutral);
        tired.put("back_to_back", 1.0);
        assertThat(zone.predict(game(tired), context(means, Map.of(), Map.of())).value()).isCloseTo(base * 0.97, within(1e-9));
    }

    @Test
    void similarGamesAddsHowThePlayerDidInGamesLikeThisOne() {
        var knn = new SimilarGamesSystem();
        double[] means = new double[FeatureCatalog.size()];
        List<HistoryGame> history = new ArrayList<>();
        // On back-to-backs he scored 6 under his form; rested, 2 over.
        for (int i = 0; i < 10; i++) {
            boolean b2b = i % 2 == 0;
            history.add(new HistoryGame("joelembiid", D.minusDays(20 - i),
                    vector(Map.of("pts_ewm", 30.0, "back_to_back", b2b ? 1.0 : 0.0, "days_rest", b2b ? 0.0 : 2.0)), b2b ? 24.0 : 32.0));
        }
        BatchContext ctx = context(means, Map.of("joelembiid", history), Map.of());
        double onB2b = knn.predict(game(Map.of("pts_ewm", 28.0, "back_to_back", 1.0, "days_rest", 0.0)), ctx).value();
        double rested = knn.predict(game(Map.of("pts_ewm", 28.0, "back_to_back", 0.0, "days_rest", 2.0)), ctx).value();
        // All ten are neighbours (k = 10), weighted 1 / (1 + distance): the same kind of game at distance 0, the
        // other kind at sqrt(1^2 + 2^2) (back-to-back and days of rest, sd 1); the mean surprise is shrunk by half.
        double far = 1 / (1 + Math.sqrt(5));
        assertThat(onB2b).isCloseTo(28 + 0.5 * (5 * -6.0 + 5 * far * 2.0) / (5 + 5 * far), within(1e-9));
        assertThat(rested).isCloseTo(28 + 0.5 * (5 * 2.0 + 5 * far * -6.0) / (5 + 5 * far), within(1e-9));
        assertThat(knn.predict(game(Map.of("pts_ewm", 28.0)), context(means, Map.of("joelembiid", history.subList(0, 3)), Map.of()))
                .note()).isEqualTo("only 3 past games with form");
    }

    @Test
    void ensembleWeightsAreFittedNotSetAndFavourTheAccurateSystem() {
        java.util.Random rnd = new java.util.Random(11);
        int n = 3000;
        double[][] preds = new double[n][3];
        double[] actual = new double[n];
        for (int i = 0; i < n; i++) {
            double truth = 5 + 25 * rnd.nextDouble();
            actual[i] = truth + 5 * rnd.nextGaussian();
            preds[i][0] = truth + 1 * rnd.nextGaussian();   // good
            preds[i][1] = truth + 6 * rnd.nextGaussian();   // noisy
            preds[i][2] = 15;                               // useless constant
        }
        Map<String, Double> w = EnsembleWeights.fit(List.of("good", "noisy", "constant"), preds, actual);
        assertThat(w.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(w.get("good")).isGreaterThan(0.8);
        assertThat(w.values()).allSatisfy(x -> assertThat(x).isGreaterThanOrEqualTo(0.0));
        // Too little history: equal weights.
        assertThat(EnsembleWeights.fit(List.of("a", "b"), new double[10][2], new double[10])).containsEntry("a", 0.5);

        var ens = new EnsembleSystem(List.of(new MovingAverageSystem(), new ZoneMatchupSystem()));
        BatchContext ctx = context(new double[FeatureCatalog.size()], Map.of(), Map.of("moving_average", 0.75, "zone_matchup", 0.25));
        SystemPrediction both = ens.combine(Map.of("moving_average", SystemPrediction.of(20), "zone_matchup", SystemPrediction.of(28)), ctx);
        assertThat(both.value()).isEqualTo(22.0);
        SystemPrediction one = ens.combine(Map.of("moving_average", SystemPrediction.abstain("x"), "zone_matchup", SystemPrediction.of(28)), ctx);
        assertThat(one.value()).isEqualTo(28.0);
    }

    /** Another market is predicted from its own stat, never from points: rebounds from past rebounds, zone matchup abstains. */
    @Test
    void otherMarketsArePredictedFromTheirOwnStat() {
        double[] means = new double[FeatureCatalog.names().size()];
        // Points form 25, but his past rebounds (oldest first) 4, 6, 8: the rebounds baseline blends 0.85-weighted, last-10
        // and season means of 4, 6, 8, nowhere near 25.
        PlayerGame g = game(Map.of("pts_ewm", 25.0, "pts_avg_l10", 25.0, "pts_avg_season", 25.0, "reb_avg_l10", 6.0,
                "min_avg_l10", 30.0, "pts_per_min_l10", 0.8));
        List<HistoryGame> past = new java.util.ArrayList<>();
        double[] reb = {4, 6, 8};
        for (int i = 0; i < reb.length; i++) {
            past.add(new HistoryGame("joelembiid", D.minusDays(10 - i), vector(Map.of("reb_avg_l10", 6.0)), reb[i]));
        }
        double[] sd = new double[means.length];
        java.util.Arrays.fill(sd, 1.0);
        BatchContext rebounds = new BatchContext(D, Market.REBOUNDS, Map.of("joelembiid", past), means, sd, Map.of(), null);
        double ewm = (8 + 0.85 * 6 + 0.85 * 0.85 * 4) / (1 + 0.85 + 0.85 * 0.85);
        assertThat(new io.nbaprops.predict.systems.MovingAverageSystem().predict(g, rebounds).value())
                .isCloseTo(0.4 * ewm + 0.3 * 6 + 0.3 * 6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(new io.nbaprops.predict.systems.ZoneMatchupSystem().predict(g, rebounds).abstained()).isTrue();
        assertThat(new io.nbaprops.predict.systems.MovingAverageSystem().predict(g, context(means, Map.of(), Map.of())).value())
                .isCloseTo(25.0, org.assertj.core.api.Assertions.within(1e-9));
    }
}
