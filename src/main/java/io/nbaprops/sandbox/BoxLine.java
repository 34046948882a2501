package io.nbaprops.sandbox;

import java.util.Locale;

/**
 * One player's line in one game. {@code seconds} is the exact playing time; {@link #minutes()} the
 * same in decimal minutes. A player who did not play has zeros, {@code played == false} and a
 * {@code dnpReason} ("DNP - Coach's Decision", or the injury for an inactive player).
 */
public record BoxLine(int playerIndex, String team, boolean starter, boolean played, String dnpReason, int seconds,
        int fgm, int fga, int fg3m, int fg3a, int ftm, int fta, int oreb, int dreb, int ast, int stl, int blk, int tov,
        int pf, int pts, int plusMinus) {

    public double minutes() {
        return seconds / 60.0;
    }

    public int reb() {
        return oreb + dreb;
    }

    /** "MM:SS" as NBA.com box scores print it. */
    public String minutesClock() {
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    /** Whole minutes, two digits ("07", "34"), as balldontlie prints them. */
    public String minutesRounded() {
        return String.format(Locale.ROOT, "%02d", wholeMinutes());
    }

    public int wholeMinutes() {
        return (int) Math.round(seconds / 60.0);
    }
}
