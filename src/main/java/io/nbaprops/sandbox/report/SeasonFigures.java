package io.nbaprops.sandbox.report;

import java.util.List;

/**
 * The calibration figures of one generated season next to the real 2024-25 ones (NaN where the
 * samples have no real figure).
 */
public record SeasonFigures(long seed, List<PlayerRow> scorers, List<PlayerRow> rebounders, double rebWithin10Share,
        int rebCompared, double[] starterMinutes, double[] benchMinutes, double deepBenchDnpShare, double teamPpgMin,
        double teamPpgMax, double teamPpgMean, double realTeamPpgMin, double realTeamPpgMax, double realTeamPpgMean,
        double paceMin, double paceMax, double homeWinRate, double realHomeWinRate, double marginSd,
        double realMarginSd, int overtimeGames, int realGames, List<BookRow> books, double oracleMae, int linesCompared) {

    /** A player's per-game figure, generated and real (NaN when unknown), with games played. */
    public record PlayerRow(String name, String team, int gp, double generated, double real, Integer realGp) {}

    /** One book's closing points lines: MAE against actual points, over player-games with a closing line. */
    public record BookRow(String book, double mae, int lines) {}
}
