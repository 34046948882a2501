package io.nbaprops.raw.lines;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One book's game market (moneyline, spread or total) at one snapshot with both sides on one row.
 * Spread: home/away points; total: the total and Over/Under prices; moneyline: prices only.
 */
public record GameLineSnapshot(
        String gameKey,
        String market,
        String book,
        Instant snapshotAt,
        LocalDate gameDate,
        String source,
        Instant tipOff,
        Double homePoint,
        Double awayPoint,
        Double totalPoint,
        Integer homePrice,
        Integer awayPrice,
        Integer overPrice,
        Integer underPrice) {

    public boolean inGame() {
        return tipOff != null && !snapshotAt.isBefore(tipOff);
    }

    /** Our market names for The Odds API's keys. */
    public static String market(String oddsApiKey) {
        return switch (oddsApiKey) {
            case "h2h" -> "moneyline";
            case "spreads" -> "spread";
            case "totals" -> "total";
            default -> oddsApiKey;
        };
    }

    /** Why this snapshot is not a real quote, or null. */
    public String flagReason() {
        switch (market) {
            case "spread" -> {
                if (homePoint == null || awayPoint == null) {
                    return "missing point";
                }
                if (Math.abs(homePoint + awayPoint) > 1e-9) {
                    return "spread sides disagree (" + homePoint + " / " + awayPoint + ")";
                }
                if (Math.abs(homePoint) > 40) {
                    return "implausible spread " + homePoint;
                }
            }
            case "total" -> {
                if (totalPoint == null) {
                    return "missing point";
                }
                if (totalPoint < 150 || totalPoint > 300) {
                    return "implausible total " + totalPoint;
                }
            }
            default -> {
                // moneyline: prices only
            }
        }
        Integer[] prices = market.equals("total") ? new Integer[] {overPrice, underPrice} : new Integer[] {homePrice, awayPrice};
        if (prices[0] == null || prices[1] == null) {
            return "missing price";
        }
        int limit = market.equals("moneyline") ? 100000 : 5000;
        for (Integer p : prices) {
            if (p > limit || p < -limit || (p > -100 && p < 100)) {
                return "absurd price " + p;
            }
        }
        return null;
    }
}
