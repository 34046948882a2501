package io.nbaprops.predict.systems;

import io.nbaprops.features.FeatureCatalog;
import io.nbaprops.predict.BatchContext;
import io.nbaprops.predict.PlayerGame;
import io.nbaprops.predict.PredictionSystem;
import io.nbaprops.predict.SystemPrediction;

/**
 * Minutes x points per minute, adjusted for the matchup: the game's expected pace against the pace
 * the player's numbers were made at, the opponent's defence against the league's, and the player's
 * shot mix against what this opponent allows by shot type (zone_mismatch), plus the usage freed by
 * absent teammates and a back-to-back. Every factor is a ratio to the league, so an average matchup
 * changes nothing.
 */
public final class ZoneMatchupSystem implements PredictionSystem {
    public static final String ID = "zone_matchup";
    private static final int MIN = FeatureCatalog.indexOf("min_avg_l10");
    private static final int MIN5 = FeatureCatalog.indexOf("min_avg_l5");
    private static final int PPM = FeatureCatalog.indexOf("pts_per_min_l10");
    private static final int TEAM_PACE = FeatureCatalog.indexOf("team_pace_l10");
    private static final int OPP_PACE = FeatureCatalog.indexOf("opp_pace_l10");
    private static final int OPP_DEF = FeatureCatalog.indexOf("opp_def_rating_l10");
    private static final int ZONE = FeatureCatalog.indexOf("zone_mismatch");
    private static final int OUT_USAGE = FeatureCatalog.indexOf("teammates_out_usage");
    private static final int B2B = FeatureCatalog.indexOf("back_to_back");
    private static final int HOME = FeatureCatalog.indexOf("is_home");

    /** Relative scoring gain per point of usage load freed by absent teammates (see teammates_out_usage). */
    static final double FREED_USAGE_GAIN = 0.004;
    /** How strongly the shot-type mismatch moves scoring (a mismatch of 0.05 is +5%). */
    static final double ZONE_GAIN = 1.0;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "zone-v2";
    }

    @Override
    public SystemPrediction predict(PlayerGame g, BatchContext ctx) {
        if (ctx.market() != io.nbaprops.predict.Market.POINTS) {
            return SystemPrediction.abstain("points only (minutes x points per minute)");
        }
        double minutes = blend(g.feature(MIN5), g.feature(MIN));
        double ppm = g.feature(PPM);
        if (Double.isNaN(minutes) || Double.isNaN(ppm)) {
            return SystemPrediction.abstain("no minutes history");
        }
        double pace = ratio((orMean(g, TEAM_PACE, ctx) + orMean(g, OPP_PACE, ctx)) / 2, orMean(g, TEAM_PACE, ctx));
        double defence = ratio(orMean(g, OPP_DEF, ctx), ctx.mean(OPP_DEF));
        double zone = 1 + ZONE_GAIN * orZero(g.feature(ZONE));
        double freed = 1 + FREED_USAGE_GAIN * orZero(g.feature(OUT_USAGE));
        double rest = g.feature(B2B) > 0.5 ? 0.97 : 1.0;
        double home = g.feature(HOME) > 0.5 ? 1.01 : 0.99;
        return SystemPrediction.of(minutes * ppm * pace * defence * zone * freed * rest * home);
    }

    private static double blend(double l5, double l10) {
        if (Double.isNaN(l5)) {
            return l10;
        }
        return Double.isNaN(l10) ? l5 : 0.5 * l5 + 0.5 * l10;
    }

    private static double orMean(PlayerGame g, int f, BatchContext ctx) {
        double v = g.feature(f);
        return Double.isNaN(v) ? ctx.mean(f) : v;
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? 1.0 : a / b;
    }
}
