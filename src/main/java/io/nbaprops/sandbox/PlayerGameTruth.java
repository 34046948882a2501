package io.nbaprops.sandbox;

import java.time.LocalDate;

/**
 * The generator's ground truth for one player in one game: the means of the distributions the box
 * score line was drawn from, given everything decided before tip-off (who is active, the minutes
 * plan, matchup, rest). Zero for a player ruled out. {@code played} says whether he got minutes.
 */
public record PlayerGameTruth(String gameKey, LocalDate gameDate, int gameIndex, int playerIndex, String playerLookup,
        long personId, String team, double expPts, double expReb, double expAst, double expFg3m, double expMinutes,
        boolean active, boolean played) {}
